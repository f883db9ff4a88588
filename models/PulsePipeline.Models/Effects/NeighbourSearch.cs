namespace PulsePipeline.Models.Effects;

/// <summary>The k nearest placebos to a treated history by a given distance, deterministically (ties in placebo order).</summary>
internal static class NeighbourSearch
{
    /// <summary>Indices of the k smallest distances, ties in index order.</summary>
    public static int[] Nearest(ReadOnlySpan<double> distance, int k)
    {
        var kth = KthSmallest(distance, k) ?? Select(distance.ToArray(), k - 1);
        var chosen = new List<int>(k);
        for (var i = 0; i < distance.Length && chosen.Count < k; i++)
        {
            if (distance[i] < kth)
            {
                chosen.Add(i);
            }
        }

        for (var i = 0; i < distance.Length && chosen.Count < k; i++)
        {
            if (distance[i] == kth)
            {
                chosen.Add(i);
            }
        }

        return [.. chosen];
    }

    /// <summary>
    /// The k-th smallest distance through a max-heap of the k smallest seen: one comparison for most of the (many more
    /// than k) placebos, where a selection reorders a copy of all of them. Null when a distance is NaN, whose rank only the
    /// selection defines.
    /// </summary>
    private static double? KthSmallest(ReadOnlySpan<double> distance, int k)
    {
        if (k < 1 || k > distance.Length)
        {
            return null;
        }

        var heap = distance[..k].ToArray();
        for (var i = 0; i < k; i++)
        {
            if (double.IsNaN(heap[i]))
            {
                return null;
            }
        }

        for (var i = k / 2 - 1; i >= 0; i--)
        {
            SiftDown(heap, i);
        }

        for (var i = k; i < distance.Length; i++)
        {
            var d = distance[i];
            if (d < heap[0])
            {
                heap[0] = d;
                SiftDown(heap, 0);
            }
            else if (double.IsNaN(d))
            {
                return null;
            }
        }

        return heap[0];
    }

    private static void SiftDown(double[] heap, int i)
    {
        var n = heap.Length;
        while (true)
        {
            var largest = i;
            var (left, right) = (2 * i + 1, 2 * i + 2);
            if (left < n && heap[left] > heap[largest])
            {
                largest = left;
            }

            if (right < n && heap[right] > heap[largest])
            {
                largest = right;
            }

            if (largest == i)
            {
                return;
            }

            (heap[i], heap[largest]) = (heap[largest], heap[i]);
            i = largest;
        }
    }

    /// <summary>The value of rank <paramref name="rank"/> (0-based) of the array; reorders it (Hoare selection).</summary>
    private static double Select(double[] a, int rank)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            var pivot = a[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (rank <= j)
            {
                hi = j;
            }
            else if (rank >= i)
            {
                lo = i;
            }
            else
            {
                return a[rank];
            }
        }

        return a[rank];
    }
}
