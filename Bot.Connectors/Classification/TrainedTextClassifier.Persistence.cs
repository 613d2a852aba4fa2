using System.Runtime.InteropServices;
using System.Text;

namespace Bot.Connectors.Classification;

/// <summary>
/// Model artifact: a small self-describing binary (magic, version, options, labels, vocabulary with IDF,
/// weights) so that serving needs neither the training data nor ML.NET's model zip. Little-endian floats.
/// </summary>
public sealed partial class TrainedTextClassifier
{
    private const string Magic = "NBTC"; // 睦邻 text classifier
    private const int FormatVersion = 1;

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        var o = Options;
        writer.Write(o.MinNGram);
        writer.Write(o.MaxNGram);
        writer.Write(o.MinDocumentFrequency);
        writer.Write(o.SublinearTf);
        writer.Write(o.UseIdf);
        writer.Write(o.BoundaryMarkers);
        writer.Write(o.FoldDigits);
        writer.Write((int)o.Trainer);
        writer.Write(o.L2Regularization ?? float.NaN);
        writer.Write(o.Iterations ?? -1);
        writer.Write(o.Seed);
        writer.Write(o.CalibrateConfidence);
        writer.Write(ConfidenceScale);
        writer.Write(Labels.Count);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        writer.Write(featurizer.Dimension);
        foreach (var ngram in featurizer.Ngrams)
        {
            writer.Write(ngram);
        }

        writer.Write(MemoryMarshal.AsBytes(featurizer.Idf.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(weights.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(biases.AsSpan()));
    }

    /// <exception cref="InvalidDataException">The stream does not hold a model of this format.</exception>
    public static TrainedTextClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() is var version && version != FormatVersion)
            {
                throw new InvalidDataException("not a text classifier model, or a format version this build cannot read");
            }

            var options = new TextClassifierOptions
            {
                MinNGram = reader.ReadInt32(),
                MaxNGram = reader.ReadInt32(),
                MinDocumentFrequency = reader.ReadInt32(),
                SublinearTf = reader.ReadBoolean(),
                UseIdf = reader.ReadBoolean(),
                BoundaryMarkers = reader.ReadBoolean(),
                FoldDigits = reader.ReadBoolean(),
                Trainer = (LinearTrainerKind)reader.ReadInt32(),
                L2Regularization = reader.ReadSingle() is var l2 && float.IsNaN(l2) ? null : l2,
                Iterations = reader.ReadInt32() is var it && it < 0 ? null : it,
                Seed = reader.ReadInt32(),
                CalibrateConfidence = reader.ReadBoolean(),
            };
            options.Validate();
            var scale = reader.ReadSingle();
            var labels = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToArray();
            var ngrams = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToArray();
            var idf = ReadFloats(reader, ngrams.Length);
            var weights = ReadFloats(reader, ngrams.Length * labels.Length);
            var biases = ReadFloats(reader, labels.Length);
            return new TrainedTextClassifier(new CharNGramFeaturizer(options, ngrams, idf), labels, weights, biases, scale);
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"corrupt text classifier model: {ex.Message}", ex);
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        // Streams may return fewer bytes than asked for (network, compression): read until full.
        for (var read = 0; read < bytes.Length;)
        {
            var n = reader.Read(bytes[read..]);
            if (n == 0)
            {
                throw new EndOfStreamException("model ends early");
            }

            read += n;
        }

        return values;
    }
}
