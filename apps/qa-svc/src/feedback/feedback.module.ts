import { Module } from '@nestjs/common';
import { PairModule } from '../pair/pair.module.js';
import { FeedbackHandlers } from './feedback.handlers.js';
import { FeedbackRepository } from './feedback.repository.js';

/** Ratings of published answers: depends on pairs (a rating needs a pair the reader may see), never the reverse. */
@Module({
  imports: [PairModule],
  controllers: [FeedbackHandlers],
  providers: [FeedbackRepository],
})
export class FeedbackModule {}
