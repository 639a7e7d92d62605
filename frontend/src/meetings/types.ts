import type { MeetingQuery } from '../gql/graphql';

/** The meeting as its page loads it. */
export type MeetingDetail = Extract<NonNullable<MeetingQuery['node']>, { __typename: 'Meeting' }>;
