import { z } from 'zod';
import { IsoDateTime, Page, pageOf } from '../common.js';
import { defineRpc } from '../define.js';
import { DisclosureRequestView } from './request.js';
import { DisclosureQueueItem } from './workflow.js';
import { AUTHENTICATED } from '../roles.js';

/**
 * "My requests": what a signed-in person filed while signed in (owner_sub = their subject). Only the owner
 * ever gets a request this way; another account's request number answers like an unknown one.
 */
export const MyDisclosureRequestItem = DisclosureQueueItem.omit({ applicantName: true }).extend({
  submittedAt: IsoDateTime,
  outcome: z.string().nullable(),
});
export type MyDisclosureRequestItem = z.infer<typeof MyDisclosureRequestItem>;

export const listMyDisclosureRequests = defineRpc('rpc.disclosure.request.mine', {
  access: AUTHENTICATED,
  request: Page.strict(),
  response: pageOf(MyDisclosureRequestItem),
});

export const getMyDisclosureRequest = defineRpc('rpc.disclosure.request.mine-one', {
  access: AUTHENTICATED,
  request: z.strictObject({ requestNumber: z.string().trim().min(1).max(40) }),
  response: DisclosureRequestView,
});
