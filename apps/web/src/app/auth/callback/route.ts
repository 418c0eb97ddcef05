import { cookies } from 'next/headers';
import { authRoutes } from '@govdisc/web-auth';
import { webAuth } from '../../../lib/auth';

export const GET = authRoutes(webAuth, cookies).callback;
