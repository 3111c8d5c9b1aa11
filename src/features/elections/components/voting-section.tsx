// Placeholder: E2 (elections part 2) replaces this with the roll, ballots, count and result.
export async function VotingSection(_: { electionId: number; locale: string }) {
  return null;
}
