// Command vcsim serves a seeded vSphere simulator (govmomi's simulator packages) for integration tests.
//
//	vcsim --listen 127.0.0.1:18443 --dir <abs dir> --username administrator@vsphere.local --password <pw> --vms <N>
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	var cfg Config
	flag.StringVar(&cfg.Listen, "listen", "127.0.0.1:18443", "loopback address:port to serve HTTPS on")
	flag.StringVar(&cfg.Dir, "dir", "", "directory for ca.pem, requests.jsonl and ready.json (required)")
	flag.StringVar(&cfg.Username, "username", "administrator@vsphere.local", "the only accepted user name")
	flag.StringVar(&cfg.Password, "password", "", "the only accepted password (required)")
	flag.IntVar(&cfg.VMs, "vms", 20, "number of virtual machines to seed")
	flag.Parse()
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)

	if err := validate(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "vcsim:", err)
		flag.Usage()
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	started := time.Now()
	sim, err := Start(ctx, cfg)
	if err != nil {
		log.Fatalf("vcsim: %v", err)
	}
	log.Printf("vcsim ready at %s in %s (%d VMs); ready file %s/ready.json",
		sim.Ready.URL, time.Since(started).Round(time.Millisecond), cfg.VMs, cfg.Dir)

	<-ctx.Done()
	log.Print("vcsim: shutting down")
	sim.Close()
}

// validate keeps the server on loopback and insists on credentials so auth tests mean something.
func validate(cfg Config) error {
	if cfg.Dir == "" {
		return fmt.Errorf("--dir is required")
	}
	if cfg.Username == "" || cfg.Password == "" {
		return fmt.Errorf("--username and --password are required")
	}
	host, _, err := net.SplitHostPort(cfg.Listen)
	if err != nil {
		return fmt.Errorf("--listen: %w", err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("--listen must be a loopback address, got %q", host)
	}
	return nil
}
