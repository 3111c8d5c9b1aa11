export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string;
export function limitKey(address: string): string;
