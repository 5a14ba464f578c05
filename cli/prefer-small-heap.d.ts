export declare function preferSmallHeap(): void;
