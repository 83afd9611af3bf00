#include "LineModel.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace plate_vision {

namespace {

/// Must match scripts/train-line-model.py: the labels after CTC's blank (index 0), the height
/// lines are scaled to, the columns per time step, the widest line read.
constexpr const char *alphabet[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D",
                                    "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R",
                                    "S", "T", "U", "V", "W", "X", "Y", "Z", "Ä", "Ö", "Ü"};
constexpr int labelCount = int(sizeof alphabet / sizeof alphabet[0]) + 1;
constexpr int inputHeight = 32, stride = 4, maxWidth = 480;

/// Below this mean probability of its characters a line is not one the model can read.
constexpr float minimumLineProbability = 0.5f;

} // namespace

LineModel::LineModel(const std::string &path, std::string &error) {
    try {
        network_ = cv::dnn::readNetFromONNX(path);
        network_.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        network_.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        ready_ = !network_.empty();
        if (!ready_) error = "the line model " + path + " holds no network";
    } catch (const cv::Exception &e) {
        error = "cannot load the line model " + path + ": " + e.err +
                " (a file written by scripts/train-line-model.py is expected)";
    }
}

std::vector<CharacterRecognizer::Symbol> LineModel::read(const cv::Mat &grey, Steps *stepsOut) {
    std::vector<CharacterRecognizer::Symbol> symbols;
    if (!ready_ || grey.empty() || grey.rows < 4) return symbols;
    int width = int(std::lround(double(grey.cols) * inputHeight / grey.rows));
    width = std::clamp(width, 2 * stride, maxWidth);
    width += (stride - width % stride) % stride;
    cv::Mat scaled;
    cv::resize(grey, scaled, cv::Size(width, inputHeight), 0, 0, width <= grey.cols ? cv::INTER_AREA : cv::INTER_LINEAR);
    // Ink 1, paper 0: (pixel - 255) x (-1/255).
    const cv::Mat blob = cv::dnn::blobFromImage(scaled, -1.0 / 255.0, cv::Size(), cv::Scalar(255), false, false, CV_32F);
    network_.setInput(blob);
    const cv::Mat scores = network_.forward(); // 1 x labels x 1 x steps
    if (scores.dims != 4 || scores.size[1] != labelCount) return symbols;
    const int steps = scores.size[3];
    const float *data = scores.ptr<float>();
    const float columnsPerStep = float(stride) * grey.cols / width;

    // Softmax per step, then the best path: a run of one label is one character.
    std::vector<float> probabilities(size_t(steps) * labelCount);
    std::vector<int> best(steps);
    for (int t = 0; t < steps; t++) {
        float top = -INFINITY;
        for (int k = 0; k < labelCount; k++) top = std::max(top, data[k * steps + t]);
        float sum = 0;
        for (int k = 0; k < labelCount; k++) sum += probabilities[size_t(t) * labelCount + k] = std::exp(data[k * steps + t] - top);
        int arg = 0;
        for (int k = 0; k < labelCount; k++) {
            probabilities[size_t(t) * labelCount + k] /= sum;
            if (probabilities[size_t(t) * labelCount + k] > probabilities[size_t(t) * labelCount + arg]) arg = k;
        }
        best[t] = arg;
    }
    if (stepsOut != nullptr) *stepsOut = Steps{steps, probabilities};
    float probabilitySum = 0;
    for (int t = 0; t < steps;) {
        const int label = best[t];
        int end = t + 1;
        while (end < steps && best[end] == label) end++;
        if (label != 0) {
            // The character's choices are the labels' probabilities at its surest step.
            int peak = t;
            for (int s = t; s < end; s++)
                if (probabilities[size_t(s) * labelCount + label] > probabilities[size_t(peak) * labelCount + label]) peak = s;
            const float *p = &probabilities[size_t(peak) * labelCount];
            std::vector<int> order;
            for (int k = 1; k < labelCount; k++) order.push_back(k);
            std::partial_sort(order.begin(), order.begin() + CPlateVision_MaxChoices, order.end(),
                              [&](int a, int b) { return p[a] > p[b]; });
            CharacterRecognizer::Symbol symbol{};
            // Characters (not blank) share the step's probability: renormalised without blank.
            const float characters = std::max(1e-6f, 1.f - p[0]);
            for (int c = 0; c < CPlateVision_MaxChoices; c++) {
                const float confidence = std::min(1.f, p[order[c]] / characters);
                if (c > 0 && confidence < 0.01f) break;
                auto &slot = symbol.reading.choices[symbol.reading.choiceCount++];
                strncpy(slot.utf8, alphabet[order[c] - 1], sizeof slot.utf8 - 1);
                slot.confidence = confidence;
            }
            symbol.reading.symbolConfidence = p[label];
            symbol.left = int(t * columnsPerStep);
            symbol.right = std::min(grey.cols, int(std::ceil(end * columnsPerStep)));
            probabilitySum += p[label];
            symbols.push_back(symbol);
        }
        t = end;
    }
    if (symbols.empty() || probabilitySum / float(symbols.size()) < minimumLineProbability) symbols.clear();
    return symbols;
}

float LineModel::Steps::logLikelihood(const std::string &text) const {
    // The text's labels, then the forward pass over them with blanks between (2n + 1 states).
    std::vector<int> labels;
    for (size_t i = 0; i < text.size();) {
        const size_t length = (static_cast<unsigned char>(text[i]) & 0xE0) == 0xC0 ? 2 : 1;
        const std::string character = text.substr(i, length);
        int label = 0;
        for (int k = 0; k < labelCount - 1; k++)
            if (character == alphabet[k]) label = k + 1;
        if (label == 0) return -INFINITY;
        labels.push_back(label);
        i += length;
    }
    if (count == 0 || labels.empty()) return -INFINITY;
    const int states = 2 * int(labels.size()) + 1;
    auto label = [&](int s) { return s % 2 == 0 ? 0 : labels[size_t(s / 2)]; };
    std::vector<double> alpha(size_t(states), 0.0), next(size_t(states), 0.0);
    double logScale = 0;
    alpha[0] = probabilities[0];
    alpha[1] = probabilities[size_t(label(1))];
    for (int t = 1; t < count; t++) {
        const float *p = &probabilities[size_t(t) * labelCount];
        double total = 0;
        for (int s = 0; s < states; s++) {
            double a = alpha[size_t(s)] + (s > 0 ? alpha[size_t(s - 1)] : 0);
            if (s > 1 && label(s) != 0 && label(s) != label(s - 2)) a += alpha[size_t(s - 2)];
            next[size_t(s)] = a * p[label(s)];
            total += next[size_t(s)];
        }
        if (total <= 0) return -INFINITY;
        for (auto &a : next) a /= total; // kept in range; the scale is summed in the log
        logScale += std::log(total);
        alpha.swap(next);
    }
    const double end = alpha[size_t(states - 1)] + alpha[size_t(states - 2)];
    return end > 0 ? float(logScale + std::log(end)) : -INFINITY;
}

} // namespace plate_vision
