package network.synod.payouts.economics;

/**
 * How much is minted per epoch: a fixed amount that halves every {@code halvingEveryEpochs} epochs (0 = never),
 * never taking the total scheduled emission beyond {@code cap}. This is the "Bitcoin-like" decreasing schedule
 * the Allora docs advertise, in integers.
 */
public record EmissionSchedule(long perEpoch, long halvingEveryEpochs, long cap) {

    public EmissionSchedule {
        if (perEpoch < 0 || halvingEveryEpochs < 0 || cap < 0) {
            throw new IllegalArgumentException("emission parameters must not be negative");
        }
    }

    /** The uncapped amount for an epoch: {@code perEpoch / 2^(epoch / halvingEveryEpochs)}. */
    public long scheduled(long epoch) {
        if (halvingEveryEpochs == 0) {
            return perEpoch;
        }
        long halvings = Math.max(0, epoch) / halvingEveryEpochs;
        return halvings >= 63 ? 0 : perEpoch >> halvings;
    }

    /** The amount for an epoch given what earlier epochs already scheduled, clipped to what the cap leaves. */
    public long emissionFor(long epoch, long alreadyScheduled) {
        long room = Math.max(0, cap - alreadyScheduled);
        return Math.min(scheduled(epoch), room);
    }
}
