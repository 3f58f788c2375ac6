#!/bin/sh
# GKE: an L4 node pool. GKE labels nodes cloud.google.com/gke-accelerator and taints them nvidia.com/gpu=present:NoSchedule.
gcloud container node-pools create synod-l4 \
  --cluster "$CLUSTER" --region "$REGION" \
  --machine-type g2-standard-8 \
  --accelerator type=nvidia-l4,count=1,gpu-driver-version=latest \
  --node-labels synod.network/node-pool=gke-l4 \
  --enable-autoscaling --min-nodes 0 --max-nodes 8
