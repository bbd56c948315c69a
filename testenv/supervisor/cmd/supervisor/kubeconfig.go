package main

import (
	"os"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// writeKubeconfig writes a one-context kubeconfig; auth carries either a token or a client cert.
func writeKubeconfig(file, server, caFile, user string, auth *clientcmdapi.AuthInfo) error {
	ca, err := os.ReadFile(caFile)
	if err != nil {
		return err
	}
	cfg := clientcmdapi.NewConfig()
	cfg.Clusters["supervisor"] = &clientcmdapi.Cluster{Server: server, CertificateAuthorityData: ca}
	cfg.AuthInfos[user] = auth
	cfg.Contexts[user+"@supervisor"] = &clientcmdapi.Context{Cluster: "supervisor", AuthInfo: user}
	cfg.CurrentContext = user + "@supervisor"
	data, err := clientcmd.Write(*cfg)
	if err != nil {
		return err
	}
	return writeFileAtomic(file, data, 0o600)
}

// adminAuth embeds the admin client certificate so the kubeconfig works on its own.
func adminAuth(p *pki) (*clientcmdapi.AuthInfo, error) {
	cert, err := os.ReadFile(p.AdminCert)
	if err != nil {
		return nil, err
	}
	key, err := os.ReadFile(p.AdminKey)
	if err != nil {
		return nil, err
	}
	return &clientcmdapi.AuthInfo{ClientCertificateData: cert, ClientKeyData: key}, nil
}
