/**
 * Roles a category may name as its first responder in a compound (the district's category settings): the building
 * head, the grid worker, the compound's branch secretary, or the 党员中心户 of the building's micro-grid (decision 044).
 */
export const FIRST_RESPONDERS = ['BUILDING_HEAD', 'GRID_WORKER', 'BRANCH_SECRETARY', 'CENTRAL_HOUSEHOLD'] as const;
export type TFirstResponder = (typeof FIRST_RESPONDERS)[number];
