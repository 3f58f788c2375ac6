package network.synod.payouts.api;

/** Bounds for paged reads. */
final class Paging {

    static final int MAX_SIZE = 1_000;

    private Paging() {
    }

    static int page(int page) {
        if (page < 0) {
            throw ApiException.badRequest("page must be >= 0");
        }
        return page;
    }

    static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size must be between 1 and " + MAX_SIZE);
        }
        return size;
    }
}
