import { HttpAuthService } from '@backstage/backend-plugin-api';
import { VCenterConfig } from '@backstage-vsphere/plugin-vsphere-node';
import express from 'express';
import Router from 'express-promise-router';

/** What the frontend may know of a configured vCenter: names and links, never credentials. */
export interface VCenterSummary {
  name: string;
  clientBaseUrl: string;
  supervisors: { name: string; cluster: string }[];
}

export function toVCenterSummary(vc: VCenterConfig): VCenterSummary {
  return {
    name: vc.name,
    clientBaseUrl: vc.clientBaseUrl,
    supervisors: vc.supervisors.map(s => ({
      name: s.name,
      cluster: s.cluster,
    })),
  };
}

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  vcenters: VCenterConfig[];
}): Promise<express.Router> {
  const { httpAuth, vcenters } = options;
  const router = Router();
  router.use(express.json());

  router.get('/vcenters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: vcenters.map(toVCenterSummary) });
  });

  return router;
}
