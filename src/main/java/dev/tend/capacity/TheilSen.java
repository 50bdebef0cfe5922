package dev.tend.capacity;

import java.util.Arrays;
import java.util.List;

/**
 * A robust straight line through daily points: the Theil–Sen estimator. The slope is the median of
 * the slopes between every pair of points, so up to about 29% of the points can be wild (a spike, a
 * one-day cleanup) without moving it; its interval is Sen's distribution-free one, read from the
 * ranks of the pairwise slopes (normal approximation of Kendall's S, 95%). 90 points make 4,005
 * pairs: nothing to optimise.
 */
public final class TheilSen {
    private static final double Z95 = 1.959964;

    private TheilSen() {}

    /** One day's value; x counts days. */
    public record Point(double x, double y) {}

    /** The fitted line y = intercept + slope·x, with the slope's 95% interval. */
    public record Line(double slope, double intercept, double slopeLow, double slopeHigh, int points) {
        public double at(double x) {
            return intercept + slope * x;
        }
    }

    /** Needs at least three points with two distinct days; otherwise there is no line to speak of. */
    public static Line fit(List<Point> points) {
        int n = points.size();
        if (n < 3) throw new IllegalArgumentException("a trend needs at least 3 points, got " + n);
        var slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = points.get(j).x() - points.get(i).x();
                if (dx != 0) slopes[count++] = (points.get(j).y() - points.get(i).y()) / dx;
            }
        }
        if (count == 0) throw new IllegalArgumentException("a trend needs points on at least two days");
        slopes = Arrays.copyOf(slopes, count);
        Arrays.sort(slopes);
        double slope = median(slopes);
        var residuals = new double[n];
        for (int i = 0; i < n; i++) residuals[i] = points.get(i).y() - slope * points.get(i).x();
        Arrays.sort(residuals);
        double intercept = median(residuals);
        // Sen (1968): the interval's ends are the slopes at ranks (N ∓ C) / 2, C = z·sqrt(Var S).
        double spread = Z95 * Math.sqrt(n * (n - 1.0) * (2.0 * n + 5.0) / 18.0);
        int low = (int) Math.floor((count - spread) / 2.0) - 1; // ranks count from 1
        int high = (int) Math.ceil((count + spread) / 2.0);
        return new Line(slope, intercept, slopes[Math.max(0, Math.min(count - 1, low))], slopes[Math.max(0, Math.min(count - 1, high))], n);
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
