using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using Simulation.Core.Summaries;

namespace Simulation.Benchmarks.Levers;

/// <summary>
/// Issue 14's summary levers on one thread's chunk as the model leaves it: 640 cells (series x months) of 64 runs,
/// 40% zeros (months before the ceasefire) and whole numbers up to 40,000. Costs are per value. The sketch and the
/// moments are measured as the model runs them; the levers on bucket counts laid out as a sketch's (one dense
/// array per cell, key = top 18 bits of the double), so that only the lever differs between them.
/// </summary>
[MemoryDiagnoser]
public class SummaryLeverBenchmarks
{
    private const int Cells = 640;
    private const int Runs = 64;
    private const int KeyShift = 45;
    private readonly double[] _chunk = new double[Cells * Runs];
    private readonly QuantileSketch[] _sketches = new QuantileSketch[Cells];
    private readonly MomentBlock _moments = new(Cells);
    private readonly long[][] _counts = new long[Cells][];
    private readonly int[][] _narrowCounts = new int[Cells][];
    private int _firstKey;

    [GlobalSetup]
    public void Setup()
    {
        var rng = Simulation.Core.Random.StreamKey.Generator(3, 3, 3);
        for (int i = 0; i < _chunk.Length; i++)
        {
            _chunk[i] = rng.NextDouble() < 0.4 ? 0 : Math.Floor(1 + rng.NextDouble() * 40000);
        }
        _firstKey = KeyOf(1.0);
        int buckets = KeyOf(65536.0) - _firstKey;
        for (int c = 0; c < Cells; c++)
        {
            _sketches[c] = new QuantileSketch();
            _counts[c] = new long[buckets];
            _narrowCounts[c] = new int[buckets];
        }
    }

    private static int KeyOf(double value) => (int)(BitConverter.DoubleToInt64Bits(value) >> KeyShift);

    /// <summary>The model's sketch insertion (QuantileSketch.AddMany), cell by cell.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Cells * Runs)]
    public long Sketch_AsInTheModel()
    {
        for (int c = 0; c < Cells; c++) _sketches[c].AddMany(new ReadOnlySpan<double>(_chunk, c * Runs, Runs));
        return _sketches[0].Count;
    }

    /// <summary>The model's exact moments of the same values (MomentBlock.AddManyFinite: four Vector256 lanes).</summary>
    [Benchmark(OperationsPerInvoke = Cells * Runs)]
    public int Moments_AsInTheModel()
    {
        for (int c = 0; c < Cells; c++) _moments.AddManyFinite(c, new ReadOnlySpan<double>(_chunk, c * Runs, Runs));
        return _moments.Cells;
    }

    /// <summary>Scalar keys into dense long counts: the sketch's inner loop alone.</summary>
    [Benchmark(OperationsPerInvoke = Cells * Runs)]
    public long Counts_ScalarKeys()
    {
        long zeros = 0;
        for (int c = 0; c < Cells; c++)
        {
            long[] counts = _counts[c];
            var values = new ReadOnlySpan<double>(_chunk, c * Runs, Runs);
            foreach (double value in values)
            {
                if (value > 0) counts[KeyOf(value) - _firstKey]++;
                else zeros++;
            }
        }
        return zeros;
    }

    /// <summary>The lever "vectorise the bucket index": keys of four values at a time, then the increments.</summary>
    [Benchmark(OperationsPerInvoke = Cells * Runs)]
    public long Counts_VectorKeys()
    {
        long zeros = 0;
        Span<long> keys = stackalloc long[Runs];
        var first = Vector256.Create((long)_firstKey);
        for (int c = 0; c < Cells; c++)
        {
            long[] counts = _counts[c];
            var values = new ReadOnlySpan<double>(_chunk, c * Runs, Runs);
            for (int i = 0; i < Runs; i += 4)
            {
                var bits = Vector256.Create(values.Slice(i, 4)).AsInt64();
                (Vector256.ShiftRightArithmetic(bits, KeyShift) - first).CopyTo(keys.Slice(i, 4));
            }
            for (int i = 0; i < Runs; i++)
            {
                if (values[i] > 0) counts[keys[i]]++;
                else zeros++;
            }
        }
        return zeros;
    }

    /// <summary>The lever "narrower counters": 32-bit counts halve the sketches' memory (a spill to 64 bits would be needed every 2^31 values).</summary>
    [Benchmark(OperationsPerInvoke = Cells * Runs)]
    public long Counts_Int32()
    {
        long zeros = 0;
        for (int c = 0; c < Cells; c++)
        {
            int[] counts = _narrowCounts[c];
            var values = new ReadOnlySpan<double>(_chunk, c * Runs, Runs);
            foreach (double value in values)
            {
                if (value > 0) counts[KeyOf(value) - _firstKey]++;
                else zeros++;
            }
        }
        return zeros;
    }

    /// <summary>
    /// Zeros counted without a branch: slot 0 of the counts is the zero bucket and the index is chosen by a conditional
    /// move, so a chunk that mixes runs before and after the ceasefire costs no branch mispredictions.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Cells * Runs)]
    public long Counts_BranchlessZero()
    {
        for (int c = 0; c < Cells; c++)
        {
            long[] counts = _counts[c];
            int offset = 1 - _firstKey;
            var values = new ReadOnlySpan<double>(_chunk, c * Runs, Runs);
            foreach (double value in values)
            {
                int key = (int)(BitConverter.DoubleToInt64Bits(value) >> KeyShift) + offset;
                int index = value > 0 ? key : 0;
                if ((uint)index < (uint)counts.Length) counts[index]++;
            }
        }
        return _counts[0][0];
    }

    private readonly double[] _sums = new double[Cells * 4];

    /// <summary>The moments' arithmetic in four lanes (as MomentBlock.AddManyFinite), into plain arrays: the reference for the next row.</summary>
    [Benchmark(OperationsPerInvoke = Cells * Runs)]
    public double Moments_Vector256Lanes()
    {
        for (int c = 0; c < Cells; c++)
        {
            var values = new ReadOnlySpan<double>(_chunk, c * Runs, Runs);
            var shift = Vector256.Create(values[0]);
            var sum = Vector256<double>.Zero;
            var squares = Vector256<double>.Zero;
            var min = shift;
            var max = shift;
            for (int i = 0; i < Runs; i += 4)
            {
                var deviation = Vector256.Create(values.Slice(i, 4)) - shift;
                sum += deviation;
                squares += deviation * deviation;
                min = Vector256.Min(min, deviation);
                max = Vector256.Max(max, deviation);
            }
            _sums[4 * c] = Vector256.Sum(sum);
            _sums[4 * c + 1] = Vector256.Sum(squares);
            _sums[4 * c + 2] = Vector256.Sum(min);
            _sums[4 * c + 3] = Vector256.Sum(max);
        }
        return _sums[0];
    }

    /// <summary>
    /// The lever "Vector512 where the machine has it": eight lanes. Bit-identical results on every machine would need
    /// eight lanes everywhere (emulated without AVX-512), a different order of additions from today's four.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Cells * Runs)]
    public double Moments_Vector512Lanes()
    {
        for (int c = 0; c < Cells; c++)
        {
            var values = new ReadOnlySpan<double>(_chunk, c * Runs, Runs);
            var shift = Vector512.Create(values[0]);
            var sum = Vector512<double>.Zero;
            var squares = Vector512<double>.Zero;
            var min = shift;
            var max = shift;
            for (int i = 0; i < Runs; i += 8)
            {
                var deviation = Vector512.Create(values.Slice(i, 8)) - shift;
                sum += deviation;
                squares += deviation * deviation;
                min = Vector512.Min(min, deviation);
                max = Vector512.Max(max, deviation);
            }
            _sums[4 * c] = Vector512.Sum(sum);
            _sums[4 * c + 1] = Vector512.Sum(squares);
            _sums[4 * c + 2] = Vector512.Sum(min);
            _sums[4 * c + 3] = Vector512.Sum(max);
        }
        return _sums[0];
    }
}
