/** A clock that tests move by hand. */
export function fixedClock(iso: string): { now: () => Date; set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set(next: string) {
      t = new Date(next).getTime();
    },
    advance(ms: number) {
      t += ms;
    },
  };
}
