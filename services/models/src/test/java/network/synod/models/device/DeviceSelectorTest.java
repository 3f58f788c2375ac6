package network.synod.models.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceSelectorTest {

    @Test
    void autoTakesTheFirstGpuWhenThereIsOne() {
        assertEquals(Device.gpu(0), DeviceSelector.choose("auto", 2));
        assertEquals(Device.gpu(0), DeviceSelector.choose(null, 1));
        assertEquals(Device.gpu(0), DeviceSelector.choose(" ", 1));
    }

    @Test
    void autoFallsBackToTheCpuWithoutGpus() {
        assertEquals(Device.cpu(), DeviceSelector.choose("auto", 0));
        assertEquals(Device.cpu(), DeviceSelector.choose("AUTO", 0));
    }

    @Test
    void cpuIsAlwaysTheCpu() {
        assertEquals(Device.cpu(), DeviceSelector.choose("cpu", 4));
    }

    @Test
    void explicitGpusAreHonoured() {
        assertEquals(Device.gpu(0), DeviceSelector.choose("gpu", 1));
        assertEquals(Device.gpu(3), DeviceSelector.choose("gpu:3", 4));
    }

    @Test
    void anAbsentGpuIsAnErrorNotASilentCpu() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DeviceSelector.choose("gpu", 0));
        assertTrue(e.getMessage().contains("0 GPU"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceSelector.choose("gpu:2", 2));
    }

    @Test
    void malformedSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DeviceSelector.choose("gpu:x", 2));
        assertThrows(IllegalArgumentException.class, () -> DeviceSelector.choose("gpu:-1", 2));
        assertThrows(IllegalArgumentException.class, () -> DeviceSelector.choose("tpu", 2));
    }

    @Test
    void theEngineOnThisMachineGivesAUsableDevice() {
        Device d = DeviceSelector.select("auto");
        assertTrue(d.isGpu() || d.equals(Device.cpu()), d.toString());
        assertEquals(Device.cpu(), DeviceSelector.select("cpu"));
    }
}
