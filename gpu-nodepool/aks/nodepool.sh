#!/bin/sh
# AKS: an NC A100 pool. AKS does not add tolerations for nvidia.com/gpu, so the operator writes them explicitly;
# this pool uses the AKS-documented sku=gpu taint, which the GpuPool below tolerates.
az aks nodepool add --resource-group "$RG" --cluster-name "$CLUSTER" --name synoda100 \
  --node-vm-size Standard_NC24ads_A100_v4 --node-count 0 --min-count 0 --max-count 4 --enable-cluster-autoscaler \
  --node-taints sku=gpu:NoSchedule \
  --labels synod.network/node-pool=aks-a100
