using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Bot.Connectors.Classification;

/// <summary>
/// Runs an ML.NET linear trainer over precomputed sparse features and hands back the raw weights.
/// Prediction then needs no ML.NET PredictionEngine (which is not thread-safe) — a dot product suffices.
/// </summary>
internal static class MlNetLinearFitter
{
    /// <param name="rows">Sparse features per example.</param>
    /// <param name="labels">0-based class per example.</param>
    /// <returns>Weights laid out feature-major (weights[feature * classes + class]) and one bias per class.</returns>
    public static (float[] Weights, float[] Biases) Fit(
        IReadOnlyList<(int[] Indices, float[] Values)> rows,
        int[] labels,
        int classCount,
        int dimension,
        TextClassifierOptions options,
        CancellationToken ct)
    {
        var ml = new MLContext(options.Seed);
        // ML.NET takes no cancellation token (its cancel hook is internal): we check between fits instead.
        ct.ThrowIfCancellationRequested();
        return options.Trainer switch
        {
            LinearTrainerKind.SdcaMaximumEntropy or LinearTrainerKind.LbfgsMaximumEntropy =>
                FitMaximumEntropy(ml, rows, labels, classCount, dimension, options),
            _ => FitOneVersusAll(ml, rows, labels, classCount, dimension, options, ct),
        };
    }

    private static (float[], float[]) FitMaximumEntropy(
        MLContext ml, IReadOnlyList<(int[] Indices, float[] Values)> rows, int[] labels, int classCount, int dimension,
        TextClassifierOptions options)
    {
        var schema = SchemaDefinition.Create(typeof(MulticlassRow));
        schema[nameof(MulticlassRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[nameof(MulticlassRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classCount);
        var data = ml.Data.Cache(ml.Data.LoadFromEnumerable(
            rows.Select((r, i) => new MulticlassRow
            {
                // LoadFromEnumerable takes 0-based class numbers here and shifts them into ML.NET's 1-based keys itself.
                Label = (uint)labels[i],
                Features = new VBuffer<float>(dimension, r.Indices.Length, r.Values, r.Indices),
            }),
            schema));

        MaximumEntropyModelParameters model = options.Trainer == LinearTrainerKind.SdcaMaximumEntropy
            ? ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = options.L2Regularization,
                MaximumNumberOfIterations = options.Iterations,
                NumberOfThreads = 1, // deterministic weights for a given seed
            }).Fit(data).Model
            : ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = options.L2Regularization ?? 1f,
                MaximumNumberOfIterations = options.Iterations ?? 100,
                NumberOfThreads = 1,
            }).Fit(data).Model;

        VBuffer<float>[] perClass = [];
        model.GetWeights(ref perClass, out var count);
        var weights = new float[dimension * classCount];
        for (var c = 0; c < count; c++)
        {
            Scatter(perClass[c], weights, classCount, c);
        }

        return (weights, model.GetBiases().ToArray());
    }

    private static (float[], float[]) FitOneVersusAll(
        MLContext ml, IReadOnlyList<(int[] Indices, float[] Values)> rows, int[] labels, int classCount, int dimension,
        TextClassifierOptions options, CancellationToken ct)
    {
        var schema = SchemaDefinition.Create(typeof(BinaryRow));
        schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var weights = new float[dimension * classCount];
        var biases = new float[classCount];
        for (var c = 0; c < classCount; c++)
        {
            ct.ThrowIfCancellationRequested();
            var positive = c;
            var data = ml.Data.Cache(ml.Data.LoadFromEnumerable(
                rows.Select((r, i) => new BinaryRow
                {
                    Label = labels[i] == positive,
                    Features = new VBuffer<float>(dimension, r.Indices.Length, r.Values, r.Indices),
                }),
                schema));
            LinearModelParameters model = options.Trainer == LinearTrainerKind.OneVersusAllLinearSvm
                ? ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
                {
                    Lambda = options.L2Regularization ?? 0.001f,
                    NumberOfIterations = options.Iterations ?? 10,
                }).Fit(data).Model
                : ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
                {
                    L2Regularization = options.L2Regularization ?? 0f,
                    NumberOfIterations = options.Iterations ?? 10,
                }).Fit(data).Model;
            var vector = new VBuffer<float>(dimension, model.Weights.ToArray());
            Scatter(vector, weights, classCount, c);
            biases[c] = model.Bias;
        }

        return (weights, biases);
    }

    private static void Scatter(VBuffer<float> classWeights, float[] weights, int classCount, int classIndex)
    {
        foreach (var (feature, value) in classWeights.Items())
        {
            weights[feature * classCount + classIndex] = value;
        }
    }

    private sealed class MulticlassRow
    {
        public uint Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
