package io.quietwatch.engine;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EPCompilerPathable;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.module.Module;
import com.espertech.esper.common.client.module.ModuleItem;
import com.espertech.esper.common.client.module.ParseException;
import com.espertech.esper.common.client.soda.AnnotationAttribute;
import com.espertech.esper.common.client.soda.AnnotationPart;
import com.espertech.esper.common.client.soda.EPStatementObjectModel;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompileExceptionItem;
import com.espertech.esper.compiler.client.EPCompiler;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import io.quietwatch.alert.AlertSeverity;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles the rule files of a folder, one Esper module per {@code .epl} file, in the order their
 * {@code uses} declarations require, and reports every problem as {@code file:line:column: message}.
 */
public final class RuleCompiler {
    private static final Pattern DETECTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Configuration configuration;
    private final EPCompiler compiler = EPCompilerProvider.getCompiler();

    public RuleCompiler(Configuration configuration) {
        this.configuration = configuration;
    }

    /** What compiling a folder gave: the files in deployment order, and the problems. */
    public record Result(List<RuleFile> files, List<RuleProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Compiles every {@code *.epl} file directly in {@code dir}.
     *
     * @param displayDir how {@code dir} is shown in messages (e.g. {@code epl-rules})
     * @param base       modules already deployed that rules may use (the system module), or null
     */
    public Result compileDirectory(Path dir, String displayDir, EPCompilerPathable base) {
        Scan scan = scan(dir, displayDir);
        List<RuleProblem> problems = new ArrayList<>(scan.problems());
        List<Parsed> ordered = scan.ordered();
        List<RuleFile> files = new ArrayList<>();
        List<EPCompiled> path = new ArrayList<>();
        for (Parsed p : ordered) {
            RuleFile f = compile(p, base, path, problems);
            if (f != null) {
                files.add(f);
                path.add(f.compiled());
            }
        }
        return new Result(files, problems);
    }

    /**
     * The rule files of a folder, read and split into statements but not compiled.
     *
     * @param listed   every {@code .epl} file found, as displayed (also those that do not parse)
     * @param ordered  the parsed files in the order their {@code uses} declarations require; files in a
     *                 cycle or using an unknown module are left out and reported
     * @param problems what could not be read, parsed or ordered
     */
    record Scan(List<String> listed, List<Parsed> ordered, List<RuleProblem> problems) {
    }

    /** Reads and orders the {@code *.epl} files directly in {@code dir}, without compiling them. */
    Scan scan(Path dir, String displayDir) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(p -> p.getFileName().toString().endsWith(".epl") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            problems.add(new RuleProblem(displayDir, 1, 1, "cannot read the rules folder: " + e.getMessage()));
            return new Scan(List.of(), List.of(), problems);
        }
        List<String> listed = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (Path p : paths) {
            String display = displayDir + "/" + p.getFileName();
            listed.add(display);
            Parsed one = parse(p, display, problems);
            if (one != null) {
                parsed.add(one);
            }
        }
        List<Parsed> ordered = ModuleOrder.order(parsed, Parsed::name, Parsed::uses, Parsed::display, problems);
        return new Scan(listed, ordered, problems);
    }

    /**
     * Compiles one parsed file against {@code path} (compiled modules it may use); null, with the
     * problems added, when it does not compile.
     */
    RuleFile compile(Parsed p, List<EPCompiled> path, List<RuleProblem> problems) {
        return compile(p, null, path, problems);
    }

    /** Compiles one module text (the system module); null when it has problems. */
    public RuleFile compileText(String display, String text, EPCompilerPathable base, List<RuleProblem> problems) {
        Parsed p = parseText(display, text, problems);
        return p == null ? null : compile(p, base, List.of(), problems);
    }

    record Parsed(String display, String text, Module module) {
        String name() {
            return module.getName() != null ? module.getName() : display;
        }

        java.util.Set<String> uses() {
            return module.getUses() == null ? java.util.Set.of() : module.getUses();
        }
    }

    private Parsed parse(Path p, String display, List<RuleProblem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
        } catch (CharacterCodingException e) {
            problems.add(new RuleProblem(display, 1, 1, "the file is not valid UTF-8"));
            return null;
        } catch (IOException e) {
            problems.add(new RuleProblem(display, 1, 1, "cannot read the file: " + e.getMessage()));
            return null;
        }
        return parseText(display, text, problems);
    }

    private Parsed parseText(String display, String text, List<RuleProblem> problems) {
        try {
            return new Parsed(display, text, compiler.parseModule(text));
        } catch (ParseException | IOException e) {
            problems.add(new RuleProblem(display, 1, 1, "cannot split the file into statements: " + e.getMessage()));
            return null;
        }
    }

    private RuleFile compile(Parsed p, EPCompilerPathable base, List<EPCompiled> previous, List<RuleProblem> problems) {
        int before = problems.size();
        Map<String, String> variables = inspect(p, problems);
        CompilerArguments args = new CompilerArguments(configuration);
        if (base != null) {
            args.getPath().add(base);
        }
        args.getPath().addAll(previous);
        EPCompiled compiled = null;
        try {
            compiled = compiler.compile(p.module(), args);
        } catch (EPCompileException e) {
            for (EPCompileExceptionItem item : items(e)) {
                problems.add(position(p, item.getLineNumber(), messageOf(item)));
            }
        }
        if (problems.size() > before || compiled == null) {
            return null;
        }
        return new RuleFile(p.display(), p.text(), p.module(), compiled, variables);
    }

    private static List<EPCompileExceptionItem> items(EPCompileException e) {
        if (e.getItems() != null && !e.getItems().isEmpty()) {
            return e.getItems();
        }
        return List.of(new EPCompileExceptionItem(String.valueOf(e.getMessage()), e, "", 1));
    }

    /** Esper's message without the statement text it appends in brackets. */
    static String messageOf(EPCompileExceptionItem item) {
        String m = item.getMessage();
        int bracket = m.lastIndexOf(" [");
        return bracket > 0 && m.endsWith("]") ? m.substring(0, bracket) : m;
    }

    private RuleProblem position(Parsed p, int statementLine, String message) {
        for (ModuleItem item : p.module().getItems()) {
            if (item.getLineNumber() == statementLine && !item.isCommentOnly()) {
                int[] at = CompilePositions.locate(p.text(), item, message);
                // the position inside the statement that Esper names is now the file's line and column
                return new RuleProblem(p.display(), at[0], at[1], message.replaceFirst(" at line \\d+ column \\d+", ""));
            }
        }
        return new RuleProblem(p.display(), Math.max(1, statementLine), 1, message);
    }

    /**
     * Checks the QuietWatch annotations, which Esper itself accepts with any value, and collects the
     * variables the module declares (name to EPL type).
     */
    private Map<String, String> inspect(Parsed p, List<RuleProblem> problems) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (ModuleItem item : p.module().getItems()) {
            if (item.isCommentOnly()) {
                continue;
            }
            EPStatementObjectModel model;
            try {
                model = compiler.eplToModel(item.getExpression(), configuration);
            } catch (EPCompileException e) {
                continue; // the compile step reports syntax errors with their position
            }
            if (model.getCreateVariable() != null) {
                variables.put(model.getCreateVariable().getVariableName(), model.getCreateVariable().getVariableType());
            }
            for (AnnotationPart a : model.getAnnotations()) {
                String value = annotationValue(a);
                if (a.getName().equals("Severity") || a.getName().equals(Severity.class.getName())) {
                    try {
                        AlertSeverity.parse(value);
                    } catch (IllegalArgumentException e) {
                        problems.add(position(p, item.getLineNumber(), "@Severity: " + e.getMessage() + " ('" + value + "')"));
                    }
                } else if (a.getName().equals("Suppress") || a.getName().equals(Suppress.class.getName())) {
                    String problem = suppressProblem(a);
                    if (problem != null) {
                        problems.add(position(p, item.getLineNumber(), "@Suppress: " + problem));
                    }
                } else if ((a.getName().equals("Detection") || a.getName().equals(Detection.class.getName()))
                        && (value == null || !DETECTION_ID.matcher(value).matches())) {
                    problems.add(position(p, item.getLineNumber(),
                            "@Detection id '" + value + "' must be lower-case letters, digits and dashes"));
                }
            }
        }
        return variables;
    }

    private static String suppressProblem(AnnotationPart a) {
        for (AnnotationAttribute attr : a.getAttributes()) {
            String v = String.valueOf(attr.getValue());
            try {
                switch (attr.getName()) {
                    case "trigger" -> io.quietwatch.alert.Trigger.parse(v);
                    case "key" -> new io.quietwatch.alert.Suppression(
                            java.util.Arrays.stream(v.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList(),
                            0, io.quietwatch.alert.Trigger.FIRST);
                    case "seconds" -> {
                        if (Long.parseLong(v) < 0) {
                            return "seconds must not be negative";
                        }
                    }
                    default -> {
                        return "unknown attribute '" + attr.getName() + "' (key, seconds, trigger)";
                    }
                }
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    private static String annotationValue(AnnotationPart a) {
        for (AnnotationAttribute attr : a.getAttributes()) {
            if (attr.getName().equals("value")) {
                return String.valueOf(attr.getValue());
            }
        }
        return null;
    }
}
