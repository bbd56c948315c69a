export interface Config {
  vsphere?: {
    /** How the `vsphere:*` scaffolder actions behave. */
    scaffolder?: {
      /** Backstage notifications about how each action run ended. */
      notifications?: {
        /**
         * Whether the initiator (and the owning team, when another entity) gets a notification when
         * a `vsphere:*` action completes, fails or is cancelled; defaults to true.
         */
        enabled?: boolean;
      };
    };
  };
}
