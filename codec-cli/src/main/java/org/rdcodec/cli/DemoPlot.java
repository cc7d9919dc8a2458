package org.rdcodec.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders a {@link DemoSection} as a PNG: total rate (bits per coordinate) against rho, both axes logarithmic. */
final class DemoPlot {

    private DemoPlot() {
    }

    static Path write(final DemoSection section, final Path dir) throws IOException {
        // XChart draws with AWT; a terminal or CI machine has no display.
        System.setProperty("java.awt.headless", "true");
        final XYChart chart = new XYChartBuilder().width(1100).height(600).title(section.title())
                .xAxisTitle("rho = D K / sn2 - 1 (quantization noise / gradient noise)")
                .yAxisTitle("bits per coordinate, all workers").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (final DemoCurve c : section.curves()) {
            final XYSeries s = chart.addSeries(c.name(), c.rho(), c.bitsPerCoordinate());
            s.setMarker(SeriesMarkers.NONE);
        }
        for (final DemoPoint p : section.points()) {
            final XYSeries s = chart.addSeries(p.name(), new double[] {p.rho()}, new double[] {p.bitsPerCoordinate()});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND);
        }
        final Path file = dir.resolve("demo-" + section.tag() + ".png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
