import type { StrategicPmoSchemas } from '@pmo/api-contracts/browser';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/api-error';
import { apiUrl, usePmo } from '../api/clients';
import { useSession } from '../auth/AuthProvider';

type Schemas = StrategicPmoSchemas['schemas'];
export type AgendaItem = Schemas['AgendaItemResponse'];

/** Query keys of the committee screens; every write invalidates them all (agenda, decisions and meetings hang together). */
export const COMMITTEES_KEY = ['committees'] as const;

export function useCommittees() {
  const pmo = usePmo();
  return useQuery({ queryKey: [...COMMITTEES_KEY, 'list'], queryFn: () => unwrap(pmo.strategic.GET('/committees')) });
}

export function useCommittee(committeeId: string) {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...COMMITTEES_KEY, committeeId],
    queryFn: () => unwrap(pmo.strategic.GET('/committees/{committeeId}', { params: { path: { committeeId } } })),
  });
}

export function useMeeting(committeeId: string, meetingId: string) {
  const pmo = usePmo();
  return useQuery({
    queryKey: [...COMMITTEES_KEY, committeeId, meetingId],
    queryFn: () => unwrap(pmo.strategic.GET('/committees/{committeeId}/meetings/{meetingId}', { params: { path: { committeeId, meetingId } } })),
  });
}

/** Saves a text export of a meeting (the minutes or the decision log) as a file, fetched with the session's token. */
export function useDownload() {
  const session = useSession();
  return async (path: string, accept: string, fileName: string) => {
    const response = await fetch(apiUrl('strategic', path), { headers: { authorization: `Bearer ${await session.accessToken()}`, accept } });
    if (!response.ok) throw new Error(`The file could not be made (HTTP ${response.status}).`);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
}
