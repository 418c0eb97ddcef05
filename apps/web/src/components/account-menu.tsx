import { cookies } from 'next/headers';
import { api } from '../lib/api';
import { headerAccount } from '../lib/header-account';
import { AccountMenuView } from './account-menu-view';

/** The header's account part in the App Router (cookies from `next/headers`). */
export async function AccountMenu() {
  return <AccountMenuView account={await headerAccount(await cookies(), api)} />;
}
