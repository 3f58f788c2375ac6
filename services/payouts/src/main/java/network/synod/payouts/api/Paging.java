package network.synod.payouts.api;

import network.synod.web.Problem;

/** Bounds for paged reads. */
final class Paging {

    static final int MAX_SIZE = 1_000;

    private Paging() {}

    static int page(int page) {
        if (page < 0) {
            throw Problem.badRequest("page must be >= 0");
        }
        return page;
    }

    static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw Problem.badRequest("size must be between 1 and " + MAX_SIZE);
        }
        return size;
    }
}
