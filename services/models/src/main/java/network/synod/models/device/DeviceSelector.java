package network.synod.models.device;

import java.util.Locale;

import ai.djl.Device;
import ai.djl.engine.Engine;

import network.synod.models.DjlRuntime;

/**
 * Chooses the device a model runs on from a setting: {@code auto} (the first GPU when the engine sees
 * one, else the CPU), {@code cpu}, {@code gpu} (GPU 0) or {@code gpu:N}.
 */
public final class DeviceSelector {

    private DeviceSelector() {}

    /** The device for {@code setting} given what the PyTorch engine reports. */
    public static Device select(String setting) {
        DjlRuntime.configure();
        return choose(setting, Engine.getEngine("PyTorch").getGpuCount());
    }

    /**
     * The device for {@code setting} on a machine with {@code gpuCount} GPUs. An explicit GPU that is not
     * there is an error rather than a silent fall back to the CPU, so a misplaced pod fails loudly.
     */
    public static Device choose(String setting, int gpuCount) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("auto")) {
            return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        int index;
        if (s.equals("gpu")) {
            index = 0;
        } else if (s.startsWith("gpu:")) {
            try {
                index = Integer.parseInt(s.substring(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad device setting '" + setting + "': gpu:N needs a number");
            }
        } else {
            throw new IllegalArgumentException("bad device setting '" + setting + "': use auto, cpu, gpu or gpu:N");
        }
        if (index < 0 || index >= gpuCount) {
            throw new IllegalArgumentException(
                    "device " + setting + " asked for, but the engine sees " + gpuCount + " GPU(s)");
        }
        return Device.gpu(index);
    }
}
