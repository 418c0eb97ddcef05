import { z } from 'zod';
import { IsoDate } from '../common.js';
import { defineEvent } from '../define.js';

// Events carry no personal data: request number, department and dates only.
const base = { requestNumber: z.string(), agency: z.string(), department: z.string().nullable() };

export const RequestAssignedV1 = z.object({ ...base, department: z.string(), dueDate: IsoDate, dueProvisional: z.boolean() });
export const requestAssigned = defineEvent('disclosure.request.assigned', { 1: RequestAssignedV1 });

export const RequestDueSoonV1 = z.object({ ...base, dueDate: IsoDate, workingDaysLeft: z.number().int().positive() });
export const requestDueSoon = defineEvent('disclosure.request.due-soon', { 1: RequestDueSoonV1 });

export const RequestOverdueV1 = z.object({ ...base, dueDate: IsoDate, overdueSince: IsoDate });
export const requestOverdue = defineEvent('disclosure.request.overdue', { 1: RequestOverdueV1 });

export const RequestRepliedV1 = z.object({ ...base, outcome: z.string(), replyDate: IsoDate, onTime: z.boolean() });
export const requestReplied = defineEvent('disclosure.request.replied', { 1: RequestRepliedV1 });

export const RequestClosedV1 = z.object({ ...base, outcome: z.string(), closedDate: IsoDate });
export const requestClosed = defineEvent('disclosure.request.closed', { 1: RequestClosedV1 });
