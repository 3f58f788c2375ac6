package network.synod.worker.model;

import ai.djl.Device;

/** Device names as the worker reports them: {@code cpu} or {@code gpu:N}. */
final class DeviceNames {

    private DeviceNames() {}

    static String of(Device d) {
        return d.isGpu() ? "gpu:" + d.getDeviceId() : "cpu";
    }
}
