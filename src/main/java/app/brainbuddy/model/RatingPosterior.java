package app.brainbuddy.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.jspecify.annotations.Nullable;

/**
 * Bayesian linear regression of ratings on session features, learning online: the Gaussian posterior
 * over the weights is kept as its precision matrix {@code A} and shift vector {@code b} (mean
 * {@code A⁻¹b}, covariance {@code A⁻¹}). A rating {@code y} of features {@code x} adds
 * {@code x xᵀ/σ²} to {@code A} and {@code x y/σ²} to {@code b}, cheap at this size; before each rating
 * the earlier ones fade ({@link #discounted}). Thompson sampling draws weights from the posterior.
 */
final class RatingPosterior {

    /** The variance of a rating around its expectation, in rating points squared. */
    static final double NOISE_VARIANCE = 1.0;

    private final DMatrixRMaj precision;
    private final DMatrixRMaj shift;

    /**
     * The Cholesky factor, computed on first use: prediction, the mean and each draw need it, and the
     * simulation and a rebuild ask for several of them of one posterior. The posterior never changes, so
     * two threads computing it at once compute the same factor.
     */
    private volatile double @Nullable [] lowerFactor;

    private RatingPosterior(DMatrixRMaj precision, DMatrixRMaj shift) {
        this.precision = precision;
        this.shift = shift;
    }

    /** A prior with independent weights of these means and variances. */
    static RatingPosterior prior(double[] mean, double[] variance) {
        int d = mean.length;
        DMatrixRMaj precision = new DMatrixRMaj(d, d);
        DMatrixRMaj shift = new DMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            precision.set(i, i, 1 / variance[i]);
            shift.set(i, 0, mean[i] / variance[i]);
        }
        return new RatingPosterior(precision, shift);
    }

    /** The posterior after one more rating. */
    RatingPosterior learn(double[] x, double rating) {
        DMatrixRMaj column = DMatrixRMaj.wrap(x.length, 1, x.clone());
        DMatrixRMaj precision = this.precision.copy();
        CommonOps_DDRM.multAddTransB(1 / NOISE_VARIANCE, column, column, precision);
        DMatrixRMaj shift = this.shift.copy();
        CommonOps_DDRM.addEquals(shift, rating / NOISE_VARIANCE, column);
        return new RatingPosterior(precision, shift);
    }

    /**
     * The posterior whose ratings so far weigh {@code keep} times what they did, the prior unchanged:
     * {@code A = A₀ + keep·(A − A₀)}, likewise {@code b}. Applied before each new rating, a rating
     * {@code n} ratings old weighs {@code keepⁿ}, so old ratings fade and a changed preference shows.
     */
    RatingPosterior discounted(double keep, RatingPosterior prior) {
        DMatrixRMaj precision = prior.precision.copy();
        DMatrixRMaj fading = this.precision.copy();
        CommonOps_DDRM.subtractEquals(fading, prior.precision);
        CommonOps_DDRM.addEquals(precision, keep, fading);
        DMatrixRMaj shift = prior.shift.copy();
        DMatrixRMaj fadingShift = this.shift.copy();
        CommonOps_DDRM.subtractEquals(fadingShift, prior.shift);
        CommonOps_DDRM.addEquals(shift, keep, fadingShift);
        return new RatingPosterior(precision, shift);
    }

    /** How much the ratings so far tell about feature {@code i}: the data's share of its precision. */
    double learnedPrecision(int i, RatingPosterior prior) {
        return precision.get(i, i) - prior.precision.get(i, i);
    }

    /** How far apart two posteriors' statistics are (the largest absolute difference), for comparing rebuilds. */
    double distanceTo(RatingPosterior other) {
        double distance = 0;
        for (int i = 0; i < precision.data.length; i++) {
            distance = Math.max(distance, Math.abs(precision.data[i] - other.precision.data[i]));
        }
        for (int i = 0; i < shift.data.length; i++) {
            distance = Math.max(distance, Math.abs(shift.data[i] - other.shift.data[i]));
        }
        return distance;
    }

    /** The expected rating of a session with these features, and the model's uncertainty about it (one sd). */
    Prediction predict(double[] x) {
        double[] lower = lower();
        // xᵀA⁻¹x = |L⁻¹x|² with A = LLᵀ
        double[] spread = x.clone();
        TriangularSolver_DDRM.solveL(lower, spread, x.length);
        return new Prediction(dot(mean(lower), x), Math.sqrt(dot(spread, spread)));
    }

    /**
     * Weights drawn from the posterior with its spread scaled by {@code spread} (1: the posterior
     * itself), for Thompson sampling.
     */
    double[] sample(SplittableRandom random, double spread) {
        double[] lower = lower();
        double[] draw = new double[shift.numRows];
        for (int i = 0; i < draw.length; i++) {
            draw[i] = spread * gaussian(random);
        }
        // with A = LLᵀ, L⁻ᵀz has covariance L⁻ᵀL⁻¹ = A⁻¹
        TriangularSolver_DDRM.solveTranL(lower, draw, draw.length);
        double[] mean = mean(lower);
        for (int i = 0; i < draw.length; i++) {
            draw[i] += mean[i];
        }
        return draw;
    }

    /** The posterior mean of the weights. */
    double[] mean() {
        return mean(lower());
    }

    static double dot(double[] weights, double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += weights[i] * x[i];
        }
        return sum;
    }

    /** The precision matrix and shift vector, as {@link PersonalModel} stores them. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(shift.numRows);
        for (double value : precision.data) {
            out.writeDouble(value);
        }
        for (double value : shift.data) {
            out.writeDouble(value);
        }
    }

    static RatingPosterior readFrom(DataInputStream in) throws IOException {
        int d = in.readInt();
        if (d != FeatureMap.DIMENSION) {
            throw new PersonalModel.UnreadableModelException(
                    "model of dimension " + d + ", expected " + FeatureMap.DIMENSION);
        }
        DMatrixRMaj precision = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            precision.data[i] = in.readDouble();
        }
        DMatrixRMaj shift = new DMatrixRMaj(d, 1);
        for (int i = 0; i < d; i++) {
            shift.data[i] = in.readDouble();
        }
        return new RatingPosterior(precision, shift);
    }

    /** The Cholesky factor {@code L} of the precision, {@code A = LLᵀ}, row-major; not to be changed. */
    private double[] lower() {
        double[] factor = lowerFactor;
        if (factor == null) {
            CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(precision.numRows, true);
            if (!cholesky.decompose(precision.copy())) {
                throw new IllegalStateException("posterior precision is not positive definite");
            }
            factor = cholesky.getT(null).data;
            lowerFactor = factor;
        }
        return factor;
    }

    /** {@code A⁻¹b} by two triangular solves. */
    private double[] mean(double[] lower) {
        double[] mean = shift.data.clone();
        TriangularSolver_DDRM.solveL(lower, mean, mean.length);
        TriangularSolver_DDRM.solveTranL(lower, mean, mean.length);
        return mean;
    }

    /** A standard normal draw (Box-Muller), reproducible from the random source. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** An expected rating and its standard deviation. */
    record Prediction(double expected, double uncertainty) {}
}
