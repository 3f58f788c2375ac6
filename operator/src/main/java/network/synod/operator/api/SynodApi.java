package network.synod.operator.api;

/** API group, version and the label keys shared by every Synod resource. */
public final class SynodApi {
    public static final String GROUP = "synod.network";
    public static final String VERSION = "v1alpha1";

    public static final String LABEL_NAME = "app.kubernetes.io/name";
    public static final String LABEL_INSTANCE = "app.kubernetes.io/instance";
    public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String LABEL_WORKER = GROUP + "/worker";
    public static final String LABEL_POOL = GROUP + "/pool";
    public static final String MANAGED_BY = "synod-operator";
    /** Verification (or a person) sets this annotation to take a worker out of the network. */
    public static final String ANNOTATION_QUARANTINE = GROUP + "/quarantine";

    private SynodApi() {}
}
