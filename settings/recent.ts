import { storage } from '@wxt-dev/storage';

/** Terms the user opened in the popup, newest first. */
export const recentTerms = storage.defineItem<string[]>('local:recentTerms', { fallback: [] });

export async function pushRecent(id: string, max = 8): Promise<string[]> {
  const next = [id, ...(await recentTerms.getValue()).filter((x) => x !== id)].slice(0, max);
  await recentTerms.setValue(next);
  return next;
}
