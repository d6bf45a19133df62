package xxgk.crawler.fetch;

import java.io.IOException;

/** A request not made: its host put up an anti-bot wall earlier in this crawl. */
public final class WalledHostException extends IOException {

    private final AntiBotWall wall;

    WalledHostException(String host, AntiBotWall wall) {
        super(host + " is behind an anti-bot wall (" + wall.description() + "); not requested");
        this.wall = wall;
    }

    public AntiBotWall wall() {
        return wall;
    }
}
