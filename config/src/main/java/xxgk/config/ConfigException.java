package xxgk.config;

/** A configuration the user can fix: the message names the file, the line and the key at fault. */
public final class ConfigException extends RuntimeException {

    ConfigException(String message) {
        super(message);
    }

    static ConfigException at(String file, int line, String key, String problem) {
        return new ConfigException(file + ":" + line + ": " + key + ": " + problem);
    }
}
