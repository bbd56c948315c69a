/**
 * A Supervisor's Kubernetes API as configured under a vCenter.
 * @public
 */
export interface SupervisorConfig {
  name: string;
  cluster: string;
  url: string;
  caData?: string;
  skipTLSVerify: boolean;
  token?: string;
  tokenFile?: string;
}

/**
 * One configured vCenter, validated.
 * @public
 */
export interface VCenterConfig {
  name: string;
  url: string;
  username: string;
  password: string;
  caData?: string;
  skipTLSVerify: boolean;
  clientBaseUrl: string;
  requestTimeoutMs: number;
  inventoryPageSize: number;
  supervisors: SupervisorConfig[];
}
