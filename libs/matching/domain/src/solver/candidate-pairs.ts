/**
 * The pairs the flow network knows about, in growable typed arrays: the initial top-K per mentee
 * plus whatever pricing adds. Memory stays proportional to the candidates, never mentees × mentors.
 */
export class CandidatePairs {
  mentee = new Int32Array(1024);
  mentor = new Int32Array(1024);
  /** Score in hundredths. */
  score = new Float64Array(1024);
  /** 1 when the pair is assigned (carries flow), else 0. */
  flow = new Uint8Array(1024);
  count = 0;

  add(mentee: number, mentor: number, scoreHundredths: number): number {
    if (this.count === this.mentee.length) this.grow();
    const id = this.count++;
    this.mentee[id] = mentee;
    this.mentor[id] = mentor;
    this.score[id] = scoreHundredths;
    this.flow[id] = 0;
    return id;
  }

  private grow(): void {
    const size = this.mentee.length * 2;
    this.mentee = copyInto(new Int32Array(size), this.mentee);
    this.mentor = copyInto(new Int32Array(size), this.mentor);
    this.score = copyInto(new Float64Array(size), this.score);
    this.flow = copyInto(new Uint8Array(size), this.flow);
  }
}

function copyInto<T extends Int32Array | Float64Array | Uint8Array>(target: T, source: T): T {
  target.set(source as never);
  return target;
}
