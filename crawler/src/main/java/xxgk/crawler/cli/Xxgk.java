package xxgk.crawler.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.LoggerFactory;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;
import xxgk.archive.ArchiveException;
import xxgk.archive.MongoUris;
import xxgk.config.ConfigException;

/** The xxgk command line: configure sites, crawl, and read back what was archived. */
@Command(name = "xxgk", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "xxgk 0.1.0",
        description = "Crawl and archive Chinese government open-information annual reports (政府信息公开工作年度报告).")
public final class Xxgk implements Runnable {

    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(CrawlCommand.class, SitesCommand.class, ListCommand.class,
            CapturesCommand.class, GetCommand.class, TextCommand.class, RunsCommand.class, ParseCommand.class, ReportsCommand.class,
            ChangesCommand.class, DeadlinesCommand.class, ServeCommand.class, ReparseCommand.class, ExportCommand.class,
            DiscoverCommand.class, GcCommand.class, CheckCommand.class, DemoCommand.class, HelpCommand.class);
    /** The global options that take a value: a word after one of them is that value, not the command. */
    private static final Set<String> WITH_VALUE = Set.of("--data", "--mongo", "--config", "--log-file");

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** `xxgk` alone shows what it can do. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line; errors a user can cause end in one line on stderr and status 1, internal ones in status 2. */
    public static int run(String... args) {
        Xxgk xxgk = new Xxgk();
        CommandLine cli = commandLine(xxgk, args);
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionStrategy(parsed -> {
            try {
                Logging.configure(xxgk.global.verbose.length, xxgk.global.logFile);
            } catch (IllegalArgumentException e) {
                System.err.println("xxgk: " + e.getMessage());
                return 1;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler((e, line) -> {
            System.err.println(oneLine(e));
            return 1;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigException || e instanceof ArchiveException || e instanceof IllegalArgumentException) {
                System.err.println("xxgk: " + MongoUris.redact(e.getMessage()));
                return 1;
            }
            LoggerFactory.getLogger(Xxgk.class).error("internal error", e);
            System.err.println("xxgk: internal error: " + e + " (details above)");
            return 2;
        });
        return cli.execute(args);
    }

    /**
     * The command line for these arguments: with the command they name alone, else with every command. picocli reads
     * the annotations of every command it is given, a third of a short command's start, and only help, completion and
     * "did you mean" need them all.
     */
    static CommandLine commandLine(Xxgk xxgk, String... args) {
        Optional<Class<?>> named = named(args);
        CommandLine cli = new CommandLine(xxgk);
        for (Class<?> command : named.map(List::<Class<?>>of).orElse(COMMANDS)) {
            cli.addSubcommand(command);
        }
        if (named.isEmpty()) {
            cli.addSubcommand("completion", new AutoComplete.GenerateCompletion());
            // picocli's own name for it, generate-completion, would head its usage.
            cli.getSubcommands().get("completion").getCommandSpec().name("completion").usageMessage()
                    .description("Print a bash/zsh completion script for xxgk: source <(xxgk completion)");
        }
        return cli;
    }

    /** The command the arguments name, unless it is help (which needs the others): the first word that is no option's value. */
    private static Optional<Class<?>> named(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            } else if (WITH_VALUE.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                String word = args[i];
                return COMMANDS.stream().filter(c -> c != HelpCommand.class && c.getAnnotation(Command.class).name().equals(word)).findFirst();
            }
        }
        return Optional.empty();
    }

    /** A command line picocli could not read, as one line: what was wrong, a suggestion when one is close, where help is. */
    private static String oneLine(ParameterException e) {
        CommandLine where = e.getCommandLine();
        String command = where.getCommandSpec().qualifiedName();
        List<String> suggestions = e instanceof UnmatchedArgumentException u ? u.getSuggestions() : List.of();
        String message;
        if (e instanceof UnmatchedArgumentException u && where.getParent() == null && u.getUnmatched().size() > 0
                && !u.getUnmatched().get(0).startsWith("-")) {
            message = "'" + u.getUnmatched().get(0) + "' is not an xxgk command";
        } else {
            message = e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        }
        String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions.stream().limit(3).toList()) + "?";
        return command + ": " + message + hint + " (see: " + command + " --help)";
    }
}
