import { operationsFeature } from './operations/feature';
import { ledgerFeature } from './ledger/feature';
import { postingFeature } from './posting/feature';
import { orgFeature } from './org/feature';
import { authFeature } from './auth/feature';
import { auditFeature } from './audit/feature';

/**
 * The web app's features, in menu order: the only place they are named. Routes, the
 * sider and its groups, the home page's links and the i18next resources come from here.
 */
export const FEATURES = [operationsFeature, ledgerFeature, postingFeature, orgFeature, authFeature, auditFeature] as const;
