using System.Globalization;

namespace Bot.Connectors.Classification;

/// <summary>Parsed command line of <c>classifier-eval</c>; <see cref="TryParse"/> never throws.</summary>
internal sealed record ClassifierEvalArguments(
    string TrainPath, string? TestPath, string? SplitPrefix, string? TrainPrefix, TextClassifierOptions Options)
{
    public const string Usage = """
        usage: classifier-eval --train TRAIN.csv (--test TEST.csv | --split-prefix PREFIX) [options]

          Trains the offline text classifier on TRAIN and reports accuracy, macro-F1, per-class
          precision/recall/F1, the confusion matrix, training seconds and microseconds per prediction.
          On success the last line is macro_f1=0.xxxx.

          --train PATH         CSV with header id,text,label (RFC 4180 quoting, UTF-8, any label set)
          --test PATH          evaluate on this CSV (same format)
          --split-prefix P     without --test: rows of TRAIN whose id starts with P (ordinal, case-sensitive)
                               are the test set and all other rows train. For the TipDM titles file:
                               --train tipdm2020c_titles_9210.csv --split-prefix title-test
          --train-prefix P     train only on rows of TRAIN whose id starts with P (e.g. tune on a dev split:
                               --split-prefix title-dev --train-prefix title-train)
          --trainer NAME       svm (default: one-vs-all linear SVM) | sdca | lbfgs (maximum entropy)
                               | perceptron (one-vs-all averaged perceptron)
          --max-ngram N        longest character n-gram, 1-8 (default 3)
          --l2 X               L2 regularisation of the trainer (default: tuned per trainer)
          --iterations N       passes over the data (default: tuned per trainer)
          --fold-digits        treat every digit as 0

        exit codes: 0 done, 2 bad arguments or unreadable/malformed input, 1 unexpected failure
        """;

    private static readonly Dictionary<string, LinearTrainerKind> Trainers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["svm"] = LinearTrainerKind.OneVersusAllLinearSvm,
        ["sdca"] = LinearTrainerKind.SdcaMaximumEntropy,
        ["lbfgs"] = LinearTrainerKind.LbfgsMaximumEntropy,
        ["perceptron"] = LinearTrainerKind.OneVersusAllAveragedPerceptron,
    };

    public static bool TryParse(IReadOnlyList<string> args, out ClassifierEvalArguments? parsed, out string error)
    {
        parsed = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        // args[0] may be the command name itself when the host passes its whole argument list through.
        var start = args.Count > 0 && args[0] == "classifier-eval" ? 1 : 0;
        for (var i = start; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--fold-digits")
            {
                flags.Add(name);
            }
            else if (name is "--train" or "--test" or "--split-prefix" or "--train-prefix" or "--trainer" or "--max-ngram" or "--l2" or "--iterations")
            {
                if (i + 1 >= args.Count || values.ContainsKey(name))
                {
                    error = values.ContainsKey(name) ? $"{name} is given twice" : $"{name} needs a value";
                    return false;
                }

                values[name] = args[++i];
            }
            else
            {
                error = $"unknown argument '{name}'";
                return false;
            }
        }

        error = Validate(values);
        if (error.Length > 0)
        {
            return false;
        }

        var options = OptionsFor(values, flags.Contains("--fold-digits"), out error);
        if (options is null)
        {
            return false;
        }

        parsed = new ClassifierEvalArguments(
            values["--train"],
            values.GetValueOrDefault("--test"),
            values.GetValueOrDefault("--split-prefix"),
            values.GetValueOrDefault("--train-prefix"),
            options);
        return true;
    }

    private static string Validate(Dictionary<string, string> values)
    {
        if (!values.ContainsKey("--train"))
        {
            return "--train is required";
        }

        var hasTest = values.ContainsKey("--test");
        var hasPrefix = values.ContainsKey("--split-prefix");
        if (hasTest == hasPrefix)
        {
            return hasTest ? "give either --test or --split-prefix, not both" : "give --test or --split-prefix";
        }

        return hasPrefix && values["--split-prefix"].Length == 0 ? "--split-prefix must not be empty" : string.Empty;
    }

    private static TextClassifierOptions? OptionsFor(Dictionary<string, string> values, bool foldDigits, out string error)
    {
        error = string.Empty;
        var trainer = LinearTrainerKind.OneVersusAllLinearSvm;
        if (values.TryGetValue("--trainer", out var name) && !Trainers.TryGetValue(name, out trainer))
        {
            error = $"unknown trainer '{name}'";
            return null;
        }

        var options = TextClassifierOptions.ForTrainer(trainer) with { FoldDigits = foldDigits };
        if (values.TryGetValue("--max-ngram", out var maxText))
        {
            if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max is < 1 or > 8)
            {
                error = "--max-ngram must be a whole number from 1 to 8";
                return null;
            }

            options = options with { MaxNGram = max, MinNGram = Math.Min(options.MinNGram, max) };
        }

        if (values.TryGetValue("--l2", out var l2Text))
        {
            if (!float.TryParse(l2Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var l2) || l2 < 0 || !float.IsFinite(l2))
            {
                error = "--l2 must be a non-negative number";
                return null;
            }

            options = options with { L2Regularization = l2 };
        }

        if (values.TryGetValue("--iterations", out var itText))
        {
            if (!int.TryParse(itText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 1 or > 10_000)
            {
                error = "--iterations must be a whole number from 1 to 10000";
                return null;
            }

            options = options with { Iterations = iterations };
        }

        return options;
    }
}
