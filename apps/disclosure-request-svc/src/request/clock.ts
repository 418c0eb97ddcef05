import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@govdisc/contracts';

/** The current instant; one place to move time in tests. */
@Injectable()
export class Clock {
  now: () => Date = () => new Date();

  today(): string {
    return shanghaiDate(this.now());
  }
}
