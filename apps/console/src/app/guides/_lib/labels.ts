/** Guide, bundle and site states (a draft waits for a reviewer); solid tag colours dark enough for white text. */
export const GUIDE_STATUS_ZH: Record<string, string> = { DRAFT: '草稿（待审核发布）', PUBLISHED: '已发布' };
export const GUIDE_STATUS_COLOR: Record<string, string> = { DRAFT: '#ad4e00', PUBLISHED: '#237804' };
export const PENDING_COLOR = '#ad4e00';
export const NEEDS_UPDATE_ZH: Record<string, string> = { AMENDED: '依据文件已修改', REPEALED: '依据文件已废止', EXPIRED: '依据文件已失效' };
