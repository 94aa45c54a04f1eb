// The chart bundle's entry (ADR 0036): window.Chart is Chart.js with only what the campaign
// funnel, the wallboard and the reports draw (bar and line charts on category/linear axes).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip
);
window.Chart = Chart;
