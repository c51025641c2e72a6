using System;
using System.Buffers;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// A model input whose storage is rented from a pool of the recognizer's own and given back on
    /// <see cref="Dispose"/>. Inputs are megabytes each (a detection at 640 is 3.4 MB, a batch of lines 1–5 MB):
    /// allocated new for every run they were large-object garbage, which the GC gives back to the system late.
    /// </summary>
    internal sealed class RentedTensor : IDisposable
    {
        /// <summary>
        /// Not <see cref="ArrayPool{T}.Shared"/>: that keeps an array per size per thread, and the thread pool runs
        /// the photos on a score of threads, so it held more than the garbage it saved. Here at most one array per
        /// size and core waits for reuse; sizes up to 4 Mi elements (16 MB: a detection at 1280) are kept.
        /// </summary>
        private static readonly ArrayPool<float> Pool = ArrayPool<float>.Create(1 << 22, Environment.ProcessorCount);

        private float[]? _storage;

        /// <summary>Rents storage for <paramref name="dimensions"/>; zeroed when <paramref name="clear"/>, as a new array would be.</summary>
        public RentedTensor(int[] dimensions, bool clear)
        {
            var length = 1;
            foreach (var d in dimensions)
            {
                length *= d;
            }

            _storage = Pool.Rent(length);
            if (clear)
            {
                Array.Clear(_storage, 0, length);
            }

            Values = _storage;
            Tensor = new DenseTensor<float>(new Memory<float>(_storage, 0, length), dimensions);
        }

        /// <summary>The rented array; longer than the tensor, whose elements come first.</summary>
        public float[] Values { get; }

        /// <summary>The tensor over the first elements of <see cref="Values"/>.</summary>
        public DenseTensor<float> Tensor { get; }

        /// <summary>Gives the storage back; neither property may be used afterwards.</summary>
        public void Dispose()
        {
            var storage = _storage;
            _storage = null;
            if (storage != null)
            {
                Pool.Return(storage);
            }
        }
    }
}
