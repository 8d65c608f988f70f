/** Types for build-state.mjs (plain JavaScript so that `npm start` needs no compiler). */
export declare const root: string;
export declare const targets: Record<'server' | 'web', { sources: string[]; stamp: string }>;
export declare function isStale(target: 'server' | 'web'): boolean;
