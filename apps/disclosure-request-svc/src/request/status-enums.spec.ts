import { ApplicantType, DisclosureChannel, DisclosureStatus } from '@govdisc/contracts';
import * as db from '../generated/prisma/enums.js';

// The database enums are the contracts' values, so a row's status, channel and applicant type are
// the contract types without a cast; a value added on one side only fails here, not at run time.
test.each([
  ['DisclosureStatus', db.DisclosureStatus, DisclosureStatus.options],
  ['DisclosureChannel', db.DisclosureChannel, DisclosureChannel.options],
  ['ApplicantType', db.ApplicantType, ApplicantType.options],
])('the database enum %s has exactly the contract values', (_name, dbEnum, contractValues) => {
  expect(Object.values(dbEnum).sort()).toEqual([...contractValues].sort());
});
