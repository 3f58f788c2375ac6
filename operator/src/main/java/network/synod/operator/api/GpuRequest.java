package network.synod.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** GPUs one replica needs: whole GPUs, a MIG slice, or a time-sliced fraction of a GPU. */
@ValidationRule(
        value = "!has(self.migProfile) || !has(self.count) || self.count >= 1",
        message = "a MIG profile needs count >= 1")
@ValidationRule(
        value = "!(has(self.migProfile) && has(self.fraction))",
        message = "choose a MIG profile or a fraction, not both")
public class GpuRequest {
    @Min(0)
    @JsonPropertyDescription("Whole GPUs (or MIG slices of migProfile) per replica.")
    private Integer count = 1;

    @JsonPropertyDescription(
            "Required GPU product: whole dash-separated parts of the pool's gpuProduct, e.g. H100 or A10G.")
    private String product;

    @Min(0)
    @JsonPropertyDescription("Minimum memory per GPU in MiB (GFD label nvidia.com/gpu.memory).")
    private Integer minMemoryMiB;

    @Pattern("^[1-7]g\\.[0-9]+gb$")
    @JsonPropertyDescription("MIG profile per replica, e.g. 1g.10gb (resource nvidia.com/mig-1g.10gb).")
    private String migProfile;

    @Pattern("^0\\.[0-9]*[1-9]$")
    @JsonPropertyDescription(
            "Fraction of one GPU via time-slicing, e.g. 0.25; needs a pool with enough time-slicing replicas.")
    private String fraction;

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public Integer getMinMemoryMiB() {
        return minMemoryMiB;
    }

    public void setMinMemoryMiB(Integer minMemoryMiB) {
        this.minMemoryMiB = minMemoryMiB;
    }

    public String getMigProfile() {
        return migProfile;
    }

    public void setMigProfile(String migProfile) {
        this.migProfile = migProfile;
    }

    public String getFraction() {
        return fraction;
    }

    public void setFraction(String fraction) {
        this.fraction = fraction;
    }
}
