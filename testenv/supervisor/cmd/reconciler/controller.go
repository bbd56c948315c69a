package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic/dynamicinformer"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/util/workqueue"
)

// reconcileFunc brings one object (by namespace and name) closer to its desired state. A
// positive duration asks to be called again after it, for state that advances over time.
type reconcileFunc func(ctx context.Context, namespace, name string) (time.Duration, error)

// controller is the usual informer + work queue loop: events enqueue keys, workers (one unless
// set) reconcile them, failures retry with backoff. The queue never hands one key to two workers.
type controller struct {
	name      string
	workers   int
	gvr       schema.GroupVersionResource
	informer  cache.SharedIndexInformer
	queue     workqueue.TypedRateLimitingInterface[string]
	reconcile reconcileFunc
}

func newController(name string, f dynamicinformer.DynamicSharedInformerFactory, gvr schema.GroupVersionResource, r reconcileFunc) *controller {
	c := &controller{
		name:      name,
		gvr:       gvr,
		informer:  f.ForResource(gvr).Informer(),
		queue:     workqueue.NewTypedRateLimitingQueue(workqueue.DefaultTypedControllerRateLimiter[string]()),
		reconcile: r,
	}
	c.watch(c.informer, func(o *unstructured.Unstructured) []string { return []string{key(o.GetNamespace(), o.GetName())} })
	return c
}

// watch enqueues the keys that mapFn derives from every change of another informer's objects.
func (c *controller) watch(inf cache.SharedIndexInformer, mapFn func(*unstructured.Unstructured) []string) {
	enqueue := func(obj any) {
		if t, ok := obj.(cache.DeletedFinalStateUnknown); ok {
			obj = t.Obj
		}
		if u, ok := obj.(*unstructured.Unstructured); ok {
			for _, k := range mapFn(u) {
				c.queue.Add(k)
			}
		}
	}
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    enqueue,
		UpdateFunc: func(_, obj any) { enqueue(obj) },
		DeleteFunc: enqueue,
	})
}

// get returns the cached object or nil when it does not exist.
func (c *controller) get(namespace, name string) *unstructured.Unstructured {
	o, ok, err := c.informer.GetIndexer().GetByKey(key(namespace, name))
	if err != nil || !ok {
		return nil
	}
	return o.(*unstructured.Unstructured).DeepCopy()
}

func (c *controller) run(ctx context.Context) {
	defer c.queue.ShutDown()
	go func() {
		<-ctx.Done()
		c.queue.ShutDown()
	}()
	var wg sync.WaitGroup
	for range max(c.workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c.next(ctx) {
			}
		}()
	}
	wg.Wait()
}

func (c *controller) next(ctx context.Context) bool {
	k, quit := c.queue.Get()
	if quit {
		return false
	}
	defer c.queue.Done(k)
	ns, name, _ := cache.SplitMetaNamespaceKey(k)
	after, err := c.reconcile(ctx, ns, name)
	switch {
	case apierrors.HasStatusCause(err, corev1.NamespaceTerminatingCause):
		// The namespace controller is deleting everything in it; nothing to build there any more.
		c.queue.Forget(k)
	case err != nil:
		fmt.Fprintf(os.Stderr, "%s %s: %v\n", c.name, k, err)
		c.queue.AddRateLimited(k)
	case after > 0:
		c.queue.Forget(k)
		c.queue.AddAfter(k, after)
	default:
		c.queue.Forget(k)
	}
	return true
}

func key(namespace, name string) string {
	if namespace == "" {
		return name
	}
	return namespace + "/" + name
}
