#!/bin/sh
# Partition the A100 nodes into 1g.10gb slices (MIG manager reports progress in nvidia.com/mig.config.state),
# and put the T4 nodes on the time-slicing config. Taint GPU nodes the GPU Operator way.
kubectl label node a100-1 a100-2 nvidia.com/mig.config=all-1g.10gb --overwrite
kubectl label node t4-1 t4-2 nvidia.com/device-plugin.config=any --overwrite
kubectl taint node a100-1 a100-2 t4-1 t4-2 nvidia.com/gpu=present:NoSchedule --overwrite
