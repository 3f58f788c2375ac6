package network.synod.core.events;

/** A record on one of Synod's Kafka topics: it says which version of its contract it was written in. */
public interface Versioned {

    int schemaVersion();
}
