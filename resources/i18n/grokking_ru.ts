<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/actions.py" line="36"/>
        <source>&amp;Play</source>
        <extracomment>Shortcuts by action id. Standard keys where the platform has one.</extracomment>
        <translation>&amp;Пуск</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="37"/>
        <source>Run iterations on a timer; press again to pause</source>
        <translation>Выполнять итерации одну за другой; нажмите ещё раз для паузы</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="39"/>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="39"/>
        <source>Pause the run; nothing is lost</source>
        <translation>Приостановить прогон; ничего не теряется</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="41"/>
        <source>&amp;Step</source>
        <translation>&amp;Шаг</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="42"/>
        <source>Run one whole iteration: predict, compare, learn</source>
        <translation>Выполнить одну целую итерацию: прогноз, сравнение, обучение</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="45"/>
        <source>P&amp;hase step</source>
        <translation>Шаг по &amp;фазе</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="46"/>
        <source>Run only the next phase of the iteration</source>
        <translation>Выполнить только следующую фазу итерации</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="48"/>
        <source>&amp;Reset</source>
        <translation>&amp;Сброс</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="48"/>
        <source>Start again from the initial values</source>
        <translation>Начать заново с начальных значений</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="50"/>
        <source>Export &amp;plot…</source>
        <translation>Экспорт &amp;графика…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="51"/>
        <source>Save the error plot as a PNG or SVG image</source>
        <translation>Сохранить график ошибки как изображение PNG или SVG</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="54"/>
        <source>Export &amp;diagram…</source>
        <translation>Экспорт д&amp;иаграммы…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="55"/>
        <source>Save the network diagram as a PNG or SVG image</source>
        <translation>Сохранить диаграмму сети как изображение PNG или SVG</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="58"/>
        <source>Export da&amp;ta (CSV)…</source>
        <translation>Экспорт &amp;данных (CSV)…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="59"/>
        <source>Save every iteration&apos;s (and epoch&apos;s) numbers as CSV</source>
        <translation>Сохранить числа каждой итерации (и эпохи) в CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="62"/>
        <source>Export &amp;animation (GIF)…</source>
        <translation>Экспорт &amp;анимации (GIF)…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="63"/>
        <source>Save the run from its start to now as an animated GIF of the diagram and plot</source>
        <translation>Сохранить прогон от начала до текущего момента как анимацию GIF из диаграммы и графика</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="66"/>
        <source>Data &amp;sets…</source>
        <translation>&amp;Наборы данных…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="67"/>
        <source>See which data sets are here, download or import them</source>
        <translation>Посмотреть, какие наборы данных есть на компьютере, скачать или импортировать их</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="69"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="69"/>
        <source>Close Grokking Lab</source>
        <translation>Закрыть Grokking Lab</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="71"/>
        <source>&amp;Log scale</source>
        <translation>&amp;Логарифмическая шкала</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="72"/>
        <source>Show the error on a logarithmic axis</source>
        <translation>Показывать ошибку на логарифмической оси</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="75"/>
        <source>&amp;Next page</source>
        <translation>&amp;Следующая страница</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="76"/>
        <source>Go to the next page of the course</source>
        <translation>Перейти к следующей странице курса</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="79"/>
        <source>&amp;Previous page</source>
        <translation>&amp;Предыдущая страница</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="80"/>
        <source>Go to the previous page of the course</source>
        <translation>Перейти к предыдущей странице курса</translation>
    </message>
</context>
<context>
    <name>ActivationsPanel</name>
    <message>
        <location filename="../../desktop/panels/activations.py" line="54"/>
        <source>Activation functions</source>
        <extracomment>Where the curves are sampled. Softmax saturates further out: with nine other scores at 0, s(x) passes 0.9 only after x = 4.4. Each function and its derivative in notation (not prose: the same in every language).</extracomment>
        <translation>Функции активации</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="156"/>
        <source>Hidden layer:</source>
        <extracomment>The activation plotted now (the experiment&apos;s chosen one).</extracomment>
        <translation>Скрытый слой:</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="157"/>
        <source>Start the run again with this activation. The run so far stays in the error plot as a faint earlier run, so you can compare how fast each one learns.</source>
        <translation>Начать прогон заново с этой функцией активации. Текущий прогон останется на графике ошибки бледной кривой, и можно будет сравнить, какая учится быстрее.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="211"/>
        <source>This experiment has no hidden layer activation to show here.</source>
        <translation>В этом эксперименте нет функции активации скрытого слоя, которую можно здесь показать.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="225"/>
        <source>This network&apos;s hidden layer uses {0}. Chapter 9 lets you choose between relu, sigmoid and tanh.</source>
        <translation>Скрытый слой этой сети использует {0}. В главе 9 можно выбрать relu, sigmoid или tanh.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="228"/>
        <source>{0} is chosen but this run still uses {1}: it applies when the run starts again (Reset).</source>
        <translation>Выбрана {0}, но этот прогон ещё использует {1}: выбор вступит в силу, когда прогон начнётся заново (сброс).</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="231"/>
        <source>Choosing another activation starts the run again; the run so far stays in the error plot as a faint earlier run to compare with.</source>
        <translation>Выбор другой функции активации начинает прогон заново; текущий прогон останется на графике ошибки бледной кривой для сравнения.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="248"/>
        <source>others: {0}</source>
        <translation>остальные: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="249"/>
        <source>Hidden layer: {0} (solid) and its derivative (dashed), which scales the error flowing back</source>
        <translation>Скрытый слой: {0} (сплошная) и её производная (пунктир), которая масштабирует ошибку, идущую обратно</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="253"/>
        <source>Hidden activation plot</source>
        <translation>График активации скрытого слоя</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="261"/>
        <source>Output layer: softmax of one digit&apos;s score x, the nine others at 0; all ten outputs add up to 1</source>
        <translation>Выходной слой: softmax от оценки x одной цифры, остальные девять равны 0; все десять выходов в сумме дают 1</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="266"/>
        <source>Output layer: linear (chapter 8), compared with the goal by squared error</source>
        <translation>Выходной слой: линейный (глава 8), сравнивается с целью по квадратичной ошибке</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="278"/>
        <source>Output activation plot</source>
        <translation>График активации выходного слоя</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/activations.py" line="284"/>
        <source>{0} from x = {1} to {2}: values from {3:.2f} to {4:.2f}; the derivative is largest, {5:.2f}, at x = {6:.2f}.</source>
        <translation>{0} при x от {1} до {2}: значения от {3:.2f} до {4:.2f}; производная наибольшая, {5:.2f}, при x = {6:.2f}.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../desktop/banner.py" line="53"/>
        <source>Log scale</source>
        <translation>Лог. шкала</translation>
    </message>
    <message>
        <location filename="../../desktop/banner.py" line="54"/>
        <source>Show the error on a logarithmic axis</source>
        <translation>Показывать ошибку на логарифмической оси</translation>
    </message>
    <message>
        <location filename="../../desktop/banner.py" line="55"/>
        <source>Reset</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <location filename="../../desktop/banner.py" line="56"/>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>BlocksPicture</name>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="894"/>
        <source>goal</source>
        <translation>цель</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="900"/>
        <source>a layer is a vector, a weight matrix a block</source>
        <translation>слой — вектор, матрица весов — блок</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="900"/>
        <source>(rows = inputs, columns = outputs)</source>
        <translation>(строки — входы, столбцы — выходы)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="901"/>
        <source>colour = sign, strength = size</source>
        <translation>цвет — знак, насыщенность — величина</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="901"/>
        <source>hatched = off (relu gave 0); dashed = frozen</source>
        <translation>штриховка — выключен (relu дал 0); пунктир — заморожен</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="983"/>
        <source>{0} of {1} off</source>
        <translation>выключено {0} из {1}</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../desktop/panels/code.py" line="96"/>
        <source>{0} — one iteration of {1}</source>
        <translation>{0} — одна итерация {1}</translation>
    </message>
</context>
<context>
    <name>ConfusionGrid</name>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="97"/>
        <source>true {0} predicted {1}: 1 image</source>
        <extracomment>The (true, predicted) cell under the mouse changed (None: no cell).</extracomment>
        <translation>цифра {0}, прогноз {1}: одно изображение</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="99"/>
        <source>true {0} predicted {1}: {2} images</source>
        <translation>цифра {0}, прогноз {1}: изображений — {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="102"/>
        <source>({0} of the {1} test images of {2})</source>
        <translation>({0} из {1} тестовых изображений цифры {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="144"/>
        <source>predicted digit</source>
        <translation>прогноз сети</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="148"/>
        <source>true digit</source>
        <translation>верная цифра</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="154"/>
        <source>right</source>
        <translation>верно</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="197"/>
        <source>right: 0 → 100 %</source>
        <translation>верно: 0 → 100 %</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="198"/>
        <source>mistaken: 0 → 25 % and more</source>
        <translation>ошибки: 0 → 25 % и больше</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="33"/>
        <location filename="../../desktop/panels/confusion.py" line="248"/>
        <source>Confusion matrix</source>
        <extracomment>The epoch whose test pass the matrix shows (None: not known, e.g. after a rewind).</extracomment>
        <translation>Матрица ошибок</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="289"/>
        <source>Point at a cell to read it.</source>
        <translation>Наведите указатель на клетку, чтобы прочитать её.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="311"/>
        <source>This experiment has no test pass to show as a confusion matrix.</source>
        <translation>В этом эксперименте нет проверки на тестовой выборке, которую можно показать матрицей ошибок.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="315"/>
        <source>No test pass yet: the matrix appears after the first tested epoch. Rows are the true digit, columns the network&apos;s prediction.</source>
        <translation>Проверки на тестовой выборке ещё не было: матрица появится после первой проверенной эпохи. Строки — верная цифра, столбцы — прогноз сети.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="324"/>
        <source>Test pass after epoch {0}: {1} of {2} test images right ({3}). Rows: the true digit; columns: what the network predicted.</source>
        <translation>Проверка после эпохи {0}: верно {1} из {2} тестовых изображений ({3}). Строки — верная цифра; столбцы — прогноз сети.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="328"/>
        <source>Last test pass: {0} of {1} test images right ({2}). Rows: the true digit; columns: what the network predicted.</source>
        <translation>Последняя проверка: верно {0} из {1} тестовых изображений ({2}). Строки — верная цифра; столбцы — прогноз сети.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="339"/>
        <source>Hardest digit: {0}, {1} right.</source>
        <translation>Самая трудная цифра: {0}, верно {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/confusion.py" line="344"/>
        <source>Most frequent mistake: true {0} predicted {1}, {2} images.</source>
        <translation>Самая частая ошибка: {0} принята за {1}, изображений: {2}.</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../desktop/panels/controls.py" line="38"/>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="40"/>
        <source>one of {0}</source>
        <translation>одно из значений {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="42"/>
        <source>{0} numbers separated by commas</source>
        <translation>список из {0} чисел через запятую</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="44"/>
        <source>a whole number</source>
        <translation>целое число</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="46"/>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="49"/>
        <source>{0} from {1} to {2}</source>
        <translation>{0} от {1} до {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="51"/>
        <source>{0} ≥ {1}</source>
        <translation>{0} не меньше {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="53"/>
        <source>{0} ≤ {1}</source>
        <translation>{0} не больше {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="141"/>
        <source>How many iterations run per second while playing</source>
        <translation>Сколько итераций в секунду выполняется при запуске</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="142"/>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="143"/>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="144"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="145"/>
        <source>Drag back to see the network as it was at an earlier iteration, and forward again; Play continues from where you stop.</source>
        <translation>Потяните назад, чтобы увидеть сеть на более ранней итерации, и снова вперёд; «Пуск» продолжит с того места, где вы остановились.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="166"/>
        <source>Allowed: {0}</source>
        <translation>Допустимо: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="167"/>
        <source>Takes effect at the next iteration.</source>
        <translation>Действует со следующей итерации.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="168"/>
        <source>Takes effect when you reset (Ctrl+R).</source>
        <translation>Действует после сброса (Ctrl+R).</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="206"/>
        <source>{0} must be {1} (got {2})</source>
        <translation>для {0} ожидается {1} (введено {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="207"/>
        <source>Not accepted: {0}. The run goes on with {1} = {2}.</source>
        <translation>Не принято: {0}. Прогон продолжается с {1} = {2}.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="216"/>
        <source>Not accepted: {0}</source>
        <translation>Не принято: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="222"/>
        <source>{0} = {1} from the next iteration.</source>
        <translation>{0} = {1} со следующей итерации.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="225"/>
        <source>{0} = {1} takes effect when you reset (Ctrl+R).</source>
        <translation>{0} = {1} вступит в силу после сброса (Ctrl+R).</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="268"/>
        <source>Iterations: {0}{1}</source>
        <translation>Итераций: {0}{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="270"/>
        <source>(rewound from {0})</source>
        <translation>(отмотано с {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="289"/>
        <source>max</source>
        <translation>макс.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="289"/>
        <source>{0}/s</source>
        <translation>{0}/с</translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message>
        <location filename="../../desktop/data_dialog.py" line="52"/>
        <source>size not published</source>
        <translation>размер не опубликован</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="54"/>
        <source>{0} bytes</source>
        <translation>{0} байт</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="59"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="66"/>
        <source>This address is not secure; only https:// downloads are allowed.</source>
        <translation>Этот адрес небезопасен: скачивать можно только по https://.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="67"/>
        <source>The server refused the file (HTTP {0}). It may have moved; try again later, or choose a folder that already holds the data.</source>
        <translation>Сервер отказал в выдаче файла (HTTP {0}). Возможно, он переехал; попробуйте позже или выберите папку, где данные уже есть.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="72"/>
        <source>The server could not be reached. Check the internet connection and try again.</source>
        <translation>Не удалось связаться с сервером. Проверьте подключение к интернету и попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="75"/>
        <source>The server did not answer in time. Try again later.</source>
        <translation>Сервер не ответил вовремя. Попробуйте позже.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="76"/>
        <source>The connection broke before the whole file arrived. Nothing was kept; try again.</source>
        <translation>Соединение оборвалось до конца загрузки. Ничего не сохранено; попробуйте снова.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="79"/>
        <source>The downloaded file is not the published one (its size differs), so it was deleted. Try again later, or use a copy you trust.</source>
        <translation>Скачанный файл не совпадает с опубликованным (другой размер), поэтому он удалён. Попробуйте позже или возьмите копию, которой доверяете.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="84"/>
        <source>The downloaded file is not the published one (its checksum does not match), so it was deleted. Try again later, or use a copy you trust.</source>
        <translation>Скачанный файл не совпадает с опубликованным (не сходится контрольная сумма), поэтому он удалён. Попробуйте позже или возьмите копию, которой доверяете.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="89"/>
        <source>No checksum is known for this file, so it cannot be downloaded safely. Import a copy you trust instead.</source>
        <translation>Контрольная сумма этого файла неизвестна, поэтому скачать его безопасно нельзя. Импортируйте копию, которой доверяете.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="94"/>
        <source>The download was cancelled. Nothing was kept.</source>
        <translation>Загрузка отменена. Ничего не сохранено.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="95"/>
        <source>The file could not be saved: {0}</source>
        <translation>Не удалось сохранить файл: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="96"/>
        <source>The data could not be read: {0}</source>
        <translation>Не удалось прочитать данные: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="98"/>
        <source>Something unexpected went wrong: {0}</source>
        <translation>Непредвиденная ошибка: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="104"/>
        <source>Sample mode: the MNIST training images are not on this computer, so this lesson trains on the first 1,000 test images and tests on the other 9,000. Its numbers differ from the book&apos;s.</source>
        <translation>Режим образца: обучающих изображений MNIST на этом компьютере нет, поэтому урок обучается на первых 1000 тестовых изображениях и проверяет на остальных 9000. Числа будут отличаться от книжных.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="109"/>
        <source>Sample mode: only part of the IMDB reviews is on this computer, so this lesson learns from fewer reviews than the book. Its numbers differ from the book&apos;s.</source>
        <translation>Режим образца: на этом компьютере есть только часть отзывов IMDB, поэтому урок учится на меньшем числе отзывов, чем в книге. Числа будут отличаться от книжных.</translation>
    </message>
</context>
<context>
    <name>DatasetDialog</name>
    <message>
        <location filename="../../desktop/data_dialog.py" line="211"/>
        <source>Data needed: {0}</source>
        <translation>Нужны данные: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="214"/>
        <source>This lesson needs the data set “{0}”.</source>
        <translation>Этому уроку нужен набор данных «{0}».</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="222"/>
        <source>Size: {0}
From: {1}
Saved in: {2}
Credit: {3}</source>
        <translation>Размер: {0}
Источник: {1}
Куда сохраняется: {2}
Авторы: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="244"/>
        <source>Download</source>
        <translation>Скачать</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="248"/>
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="251"/>
        <source>Use the sample</source>
        <translation>Взять образец</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="255"/>
        <location filename="../../desktop/data_dialog.py" line="373"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="282"/>
        <source>Only part of it is on this computer ({0}). The lesson can run on that sample, but its numbers will differ from the book&apos;s.</source>
        <translation>На этом компьютере есть только его часть ({0}). Урок может работать на этом образце, но числа будут отличаться от книжных.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="285"/>
        <source>It is not on this computer yet.</source>
        <translation>На этом компьютере его пока нет.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="315"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="320"/>
        <source>Cancel download</source>
        <translation>Отменить загрузку</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="332"/>
        <source>{0} of {1} · {2}/s</source>
        <translation>{0} из {1} · {2}/с</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="336"/>
        <source>{0} · {1}/s</source>
        <translation>{0} · {1}/с</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="342"/>
        <source>Checking the files…</source>
        <translation>Проверка файлов…</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="345"/>
        <source>Unpacking into the book&apos;s form…</source>
        <translation>Распаковка в формат книги…</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="352"/>
        <source>Downloaded and checked.</source>
        <translation>Скачано и проверено.</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="384"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="402"/>
        <source>Folder that holds {0}</source>
        <translation>Папка с набором «{0}»</translation>
    </message>
    <message>
        <location filename="../../desktop/data_dialog.py" line="418"/>
        <source>No {0} files were found in {1}. Expected, in that folder or in its “{2}” sub-folder: {3}.</source>
        <translation>В {1} не найдены файлы набора «{0}». Ожидались (в этой папке или в её подпапке «{2}»): {3}.</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <location filename="../../desktop/titles.py" line="72"/>
        <source>MNIST handwritten digits</source>
        <translation>Рукописные цифры MNIST</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="73"/>
        <source>70,000 images of handwritten digits, 28 × 28 pixels: 60,000 to train and 10,000 to test. Chapters 8–10 train on the first 1,000 training images.</source>
        <translation>70 000 изображений рукописных цифр, 28 × 28 пикселей: 60 000 для обучения и 10 000 для проверки. Главы 8–10 обучают сеть на первых 1000 обучающих изображениях.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="74"/>
        <source>IMDB movie reviews</source>
        <translation>Отзывы о фильмах IMDB</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="75"/>
        <source>25,000 movie reviews labelled positive or negative (the Large Movie Review Dataset). The archive is unpacked into the book&apos;s reviews.txt and labels.txt.</source>
        <translation>25 000 отзывов о фильмах с пометкой «положительный» или «отрицательный» (Large Movie Review Dataset). Архив распаковывается в файлы книги reviews.txt и labels.txt.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="76"/>
        <source>The book&apos;s Shakespeare-like text</source>
        <translation>Текст книги в духе Шекспира</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="77"/>
        <source>The 99,993-character file chapter 14 trains its character models on: machine-generated text in the style of Shakespeare&apos;s plays.</source>
        <translation>Файл из 99 993 символов, на котором глава 14 обучает посимвольные модели: машинный текст в стиле пьес Шекспира.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="78"/>
        <source>Tiny Shakespeare</source>
        <translation>Tiny Shakespeare</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="79"/>
        <source>1.1 million characters of Shakespeare&apos;s plays, an extra corpus for the character models.</source>
        <translation>1,1 миллиона символов из пьес Шекспира — дополнительный корпус для посимвольных моделей.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="80"/>
        <source>bAbI tasks, v1.1</source>
        <translation>Задачи bAbI, v1.1</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="81"/>
        <source>Short stories with questions (Facebook Research). Chapters 12 and 13 read the first 1,000 lines of task 1; only task 1 is kept from the archive.</source>
        <translation>Короткие истории с вопросами (Facebook Research). Главы 12 и 13 читают первые 1000 строк задачи 1; из архива сохраняется только задача 1.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="82"/>
        <source>Enron-Spam, set 1</source>
        <translation>Enron-Spam, набор 1</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="83"/>
        <source>5,172 e-mails of one Enron employee and of spam traps: 3,672 legitimate, 1,500 spam. Chapter 15 uses them in place of the book&apos;s own spam.txt and ham.txt, which are not published.</source>
        <translation>5172 письма одного сотрудника Enron и из ловушек для спама: 3672 обычных и 1500 спама. Глава 15 использует их вместо файлов книги spam.txt и ham.txt, которые не опубликованы.</translation>
    </message>
</context>
<context>
    <name>DatasetsWindow</name>
    <message>
        <location filename="../../desktop/datasets_window.py" line="46"/>
        <source>Data sets</source>
        <translation>Наборы данных</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="58"/>
        <source>Data set</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="58"/>
        <source>On this computer</source>
        <translation>На компьютере</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="58"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="59"/>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="81"/>
        <source>Download…</source>
        <translation>Скачать…</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="84"/>
        <source>Import files…</source>
        <translation>Импорт файлов…</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="87"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="109"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="109"/>
        <source>A sample only</source>
        <translation>Только образец</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="110"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="114"/>
        <source>Downloads and imports go to: {0}</source>
        <translation>Загрузки и импорт сохраняются в: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="120"/>
        <source>{0} to download</source>
        <translation>{0} для загрузки</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="155"/>
        <source>{0}
Source: {1} ({2})</source>
        <translation>{0}
Источник: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="168"/>
        <source>{0} is ready in {1}.</source>
        <translation>«{0}» готов в {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="175"/>
        <source>Import data files</source>
        <translation>Импорт файлов данных</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="192"/>
        <source>Checking and copying…</source>
        <translation>Проверка и копирование…</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="201"/>
        <source>Imported {0} file(s) into {1}.</source>
        <translation>Импортировано файлов: {0}, в {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/datasets_window.py" line="203"/>
        <source>Not recognised, left alone: {0}.</source>
        <translation>Не распознаны и оставлены как есть: {0}.</translation>
    </message>
</context>
<context>
    <name>DiagramPanel</name>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1249"/>
        <source>Full</source>
        <translation>Полная</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1249"/>
        <source>Every unit a circle and every weight a line, as in chapters 3–6; click a line to edit its weight, right-click to freeze it</source>
        <translation>Каждый нейрон — круг, каждый вес — линия, как в главах 3–6; щелчок по линии — изменить вес, правый щелчок — заморозить</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1251"/>
        <source>Blocks</source>
        <translation>Блоки</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1251"/>
        <source>Each layer a vector (a strip of cells) and each weight matrix a block with its shape: the LEGO pieces of chapter 7</source>
        <translation>Каждый слой — вектор (полоска клеток), каждая матрица весов — блок с её размерами: детали LEGO из главы 7</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1253"/>
        <source>Letters</source>
        <translation>Буквы</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1253"/>
        <source>The same network in letters, l0 —W0→ l1, with the formulas and the code&apos;s names (layer_0, weights_0_1)</source>
        <translation>Та же сеть буквами, l0 —W0→ l1, с формулами и именами из кода (layer_0, weights_0_1)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1360"/>
        <source>input</source>
        <translation>вход</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1362"/>
        <source>output</source>
        <translation>выход</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1364"/>
        <source>hidden</source>
        <translation>скрытый</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1391"/>
        <source>off: relu gave 0, so nothing flows on from this unit and its incoming weights do not learn from this example</source>
        <translation>выключен: relu дал 0, поэтому от этого нейрона дальше ничего не идёт, а его входящие веса не учатся на этом примере</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1399"/>
        <source>goal for {0} = {1}</source>
        <translation>цель для {0} = {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1409"/>
        <source>last weight_delta = {0}</source>
        <translation>последний weight_delta = {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1411"/>
        <source>input that drove it: {0} = {1}</source>
        <translation>вход, который его вызвал: {0} = {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1415"/>
        <source>frozen: it does not learn</source>
        <translation>заморожен: не обучается</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1439"/>
        <source>“{0}” is not a number: type a weight like 0.25 or −1.5</source>
        <translation>«{0}» — не число: введите вес, например 0.25 или −1.5</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1445"/>
        <source>{0} set to {1}: the run continues from it</source>
        <translation>{0} = {1}: прогон продолжится с этого значения</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1461"/>
        <source>Edit weight…</source>
        <translation>Изменить вес…</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1465"/>
        <source>Unfreeze this weight</source>
        <translation>Разморозить этот вес</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1465"/>
        <source>Freeze this weight</source>
        <translation>Заморозить этот вес</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1469"/>
        <source>This experiment cannot freeze weights</source>
        <translation>В этом эксперименте веса замораживать нельзя</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1480"/>
        <source>{0}[{1}, {2}] is frozen: it will not change</source>
        <translation>{0}[{1}, {2}] заморожен: он не будет меняться</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1481"/>
        <source>{0}[{1}, {2}] learns again</source>
        <translation>{0}[{1}, {2}] снова обучается</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1526"/>
        <source>Click a layer or a matrix to follow it across the three pictures</source>
        <translation>Щелчок по слою или матрице выделит их на всех трёх картинах</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1531"/>
        <source>l{0} = {1}: {2}, {3} units</source>
        <translation>l{0} = {1}: {2}, нейронов: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1536"/>
        <source>W{0} = {1}: {2}×{3}, from l{4} to l{5}</source>
        <translation>W{0} = {1}: {2}×{3}, из l{4} в l{5}</translation>
    </message>
</context>
<context>
    <name>DigitsPanel</name>
    <message>
        <location filename="../../desktop/panels/digits.py" line="54"/>
        <source>Digit and prediction</source>
        <extracomment>Largest and smallest cell of the hidden strip, in pixels; crosses are drawn on cells at least CROSS_MIN wide. Narrower than this (the digit and the bars side by side need about 460 pixels) and at least TALL high, the output bars go under the digit.</extracomment>
        <translation>Цифра и прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="461"/>
        <source>image in batch</source>
        <extracomment>What is shown now (for tests and screen readers): the training iteration, its image and label.</extracomment>
        <translation>изображение в пакете</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="462"/>
        <source>A batch iteration predicts many images at once: choose which one to show</source>
        <translation>Итерация с пакетом даёт прогноз сразу для многих изображений: выберите, какое показать</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="463"/>
        <source>Input digit</source>
        <translation>Входная цифра</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="464"/>
        <source>Output of each digit</source>
        <translation>Выход для каждой цифры</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="465"/>
        <source>Hidden layer</source>
        <translation>Скрытый слой</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="466"/>
        <source>Test pass progress</source>
        <translation>Ход проверки на тестовой выборке</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="468"/>
        <source>This experiment does not look at digits: the view shows the MNIST networks of chapters 8 to 10.</source>
        <translation>Этот эксперимент не работает с цифрами: панель показывает сети MNIST из глав 8–10.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="552"/>
        <source>batch {0} of {1} · images {2}–{3} · epoch {4}</source>
        <translation>пакет {0} из {1} · изображения {2}–{3} · эпоха {4}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="556"/>
        <source>example {0} of {1} · epoch {2}</source>
        <translation>пример {0} из {1} · эпоха {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="559"/>
        <source>not predicted yet</source>
        <translation>прогноза ещё нет</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="569"/>
        <source>testing {0} / {1}</source>
        <translation>проверка {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="609"/>
        <location filename="../../desktop/panels/digits.py" line="617"/>
        <source>label {0}</source>
        <translation>метка {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="610"/>
        <source>digit {0}, not predicted yet</source>
        <translation>цифра {0}, прогноза ещё нет</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="611"/>
        <source>outputs: after the next prediction</source>
        <translation>выходы: после следующего прогноза</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="618"/>
        <source>predicted {0}</source>
        <translation>прогноз {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="620"/>
        <source>softmax probabilities of the ten digits</source>
        <translation>вероятности softmax для десяти цифр</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="621"/>
        <source>digit {0}, predicted {1} with probability {2}</source>
        <translation>цифра {0}, прогноз {1} с вероятностью {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="624"/>
        <source>outputs of the ten digits (linear: the goal is 1 for the label, 0 for the others)</source>
        <translation>выходы десяти цифр (линейные: цель — 1 для метки, 0 для остальных)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="626"/>
        <source>digit {0}, predicted {1} (output {2})</source>
        <translation>цифра {0}, прогноз {1} (выход {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="634"/>
        <source>hidden layer: {0} units, after the next prediction</source>
        <translation>скрытый слой: {0} нейронов, после следующего прогноза</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="647"/>
        <source>hidden layer: {0} {1} units; full colour = {2}</source>
        <translation>скрытый слой: {0} нейронов {1}; полный цвет = {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="649"/>
        <source>hidden layer: {0} {1} units after dropout; grey ✕ = dropped this step ({2} of {0}), kept units doubled; full colour = {3}</source>
        <translation>скрытый слой: {0} нейронов {1} после дропаута; серый ✕ — отброшен на этом шаге ({2} из {0}), оставшиеся удвоены; полный цвет = {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="653"/>
        <source>hidden layer: {0} {1} units after dropout; the mask is crossed out when paused or stepping; full colour = {2}</source>
        <translation>скрытый слой: {0} нейронов {1} после дропаута; маска видна крестиками на паузе и при пошаговом выполнении; полный цвет = {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="656"/>
        <source>(position by position, 16 kernels each: the Weights and kernels panel shows them as feature maps)</source>
        <translation>(позиция за позицией, по 16 ядер на каждую: панель «Веса и ядра» показывает их как карты признаков)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="661"/>
        <source>Strongest: unit {0} at {1}.</source>
        <translation>Сильнейший: нейрон {0}, {1}.</translation>
    </message>
</context>
<context>
    <name>ErrorPlotPanel</name>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="164"/>
        <source>Log scale</source>
        <extracomment>The plot&apos;s views: per iteration, or per epoch (error, accuracy).</extracomment>
        <translation>Лог. шкала</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="165"/>
        <source>Show the error on a logarithmic axis: growth by the same factor looks like a straight line, and huge errors stay readable</source>
        <translation>Показывать ошибку на логарифмической оси: рост в одно и то же число раз выглядит прямой, а огромные ошибки остаются читаемыми</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="167"/>
        <source>Earlier runs</source>
        <translation>Прошлые прогоны</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="168"/>
        <source>Show earlier runs of this experiment as faint curves to compare</source>
        <translation>Показывать прошлые прогоны этого эксперимента бледными кривыми для сравнения</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="169"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="170"/>
        <source>Forget the earlier runs</source>
        <translation>Забыть прошлые прогоны</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="171"/>
        <source>This experiment only predicts: there is no error to plot yet.</source>
        <translation>Этот эксперимент только делает прогноз: ошибки для графика пока нет.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="184"/>
        <source>Error per iteration</source>
        <translation>Ошибка по итерациям</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="186"/>
        <source>Error per epoch (train / test)</source>
        <translation>Ошибка по эпохам (обуч. / тест)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="187"/>
        <source>Accuracy per epoch (train / test)</source>
        <translation>Точность по эпохам (обуч. / тест)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="207"/>
        <source>testing {0}/{1}</source>
        <translation>проверка {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="307"/>
        <source>iteration</source>
        <translation>итерация</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="308"/>
        <location filename="../../desktop/panels/error_plot.py" line="368"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="315"/>
        <source>this run</source>
        <translation>этот прогон</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="321"/>
        <source>iteration {0}: error {1}</source>
        <translation>итерация {0}: ошибка {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="322"/>
        <source>no iterations yet</source>
        <translation>итераций ещё не было</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="331"/>
        <source>Error plot: no iterations yet.</source>
        <translation>График ошибки: итераций ещё не было.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="334"/>
        <source>Error plot: {0} iterations; the error is not a finite number.</source>
        <translation>График ошибки: итераций {0}; ошибка — не конечное число.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="337"/>
        <source>steady</source>
        <translation>не меняется</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="339"/>
        <source>falling</source>
        <translation>падает</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="339"/>
        <source>rising</source>
        <translation>растёт</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="340"/>
        <source>Error plot: {0} iterations; first error {1}, last {2}, lowest {3}; recently {4}.</source>
        <translation>График ошибки: итераций {0}; первая ошибка {1}, последняя {2}, наименьшая {3}; в последнее время {4}.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="360"/>
        <source>earlier: {0}</source>
        <translation>прошлый: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="368"/>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="369"/>
        <source>epoch</source>
        <translation>эпоха</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="373"/>
        <source>train</source>
        <translation>обучающая</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="375"/>
        <source>test</source>
        <translation>тестовая</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="383"/>
        <source>best test accuracy {0} at epoch {1}</source>
        <translation>лучшая на тесте {0}, эпоха {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="394"/>
        <source>epoch {0}</source>
        <translation>эпоха {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="396"/>
        <source>train {0}</source>
        <translation>обучающая {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="398"/>
        <source>test {0}</source>
        <translation>тестовая {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="400"/>
        <source>best test accuracy at epoch {0}</source>
        <translation>лучшая точность на тесте — эпоха {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/error_plot.py" line="404"/>
        <source>epoch 0: example {0} of {1}</source>
        <translation>эпоха 0: пример {0} из {1}</translation>
    </message>
</context>
<context>
    <name>Experiments</name>
    <message>
        <location filename="../../desktop/titles.py" line="6"/>
        <source>A simple neural network making a prediction</source>
        <translation>Простая нейронная сеть, делающая прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="7"/>
        <source>Making a prediction with multiple inputs</source>
        <translation>Прогнозирование с несколькими входами</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="8"/>
        <source>Making a prediction with multiple outputs</source>
        <translation>Прогнозирование с несколькими выходами</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="9"/>
        <source>Predicting with multiple inputs and outputs</source>
        <translation>Прогнозирование с несколькими входами и выходами</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="10"/>
        <source>Predicting on predictions</source>
        <translation>Прогнозирование на основе прогнозов</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="11"/>
        <source>Compare: how wrong is a prediction?</source>
        <translation>Сравнение: насколько ошибся прогноз?</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="12"/>
        <source>Learning: which way is hot?</source>
        <translation>Обучение: где «горячо»?</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="13"/>
        <source>Hot and cold learning</source>
        <translation>Обучение методом «холодно/горячо»</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="14"/>
        <source>Gradient descent: direction and amount from the error</source>
        <translation>Вычисление направления и величины из ошибки</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="15"/>
        <source>One iteration of gradient descent</source>
        <translation>Одна итерация градиентного спуска</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="16"/>
        <source>Learning is just reducing error</source>
        <translation>Обучение — это просто уменьшение ошибки</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="17"/>
        <source>Derivatives: watching several steps of learning</source>
        <translation>Производные: наблюдаем за несколькими шагами обучения</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="18"/>
        <source>Breaking gradient descent: divergence</source>
        <translation>Ломаем градиентный спуск: расхождение</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="19"/>
        <source>Meet alpha</source>
        <translation>Знакомьтесь: альфа-коэффициент</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="20"/>
        <source>Gradient descent learning with multiple inputs</source>
        <translation>Градиентный спуск с несколькими входами</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="21"/>
        <source>Freezing one weight</source>
        <translation>Замораживание одного веса</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="22"/>
        <source>Gradient descent learning with multiple outputs</source>
        <translation>Градиентный спуск с несколькими выходами</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="23"/>
        <source>Gradient descent with multiple inputs and outputs</source>
        <translation>Градиентный спуск с несколькими входами и выходами</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="24"/>
        <source>The streetlight problem: one pattern</source>
        <translation>Задача о светофоре: один образец</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="25"/>
        <source>Learning the whole dataset: full, batch and stochastic gradient descent</source>
        <translation>Полный, пакетный и стохастический градиентный спуск</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="26"/>
        <source>Backpropagation: your first deep network</source>
        <translation>Обратное распространение: ваша первая глубокая сеть</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="27"/>
        <source>Three-layer network on MNIST; early stopping</source>
        <translation>Трёхслойная сеть на MNIST; ранняя остановка</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="28"/>
        <source>Dropout</source>
        <translation>Прореживание (дропаут)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="29"/>
        <source>Batch gradient descent</source>
        <translation>Пакетный градиентный спуск</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="30"/>
        <source>Upgrading the MNIST network: tanh and softmax</source>
        <translation>Улучшаем сеть для MNIST: tanh и softmax</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="31"/>
        <source>A convolutional layer on MNIST</source>
        <translation>Свёрточный слой на MNIST</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <location filename="../../desktop/explain.py" line="16"/>
        <source>At iteration {0} the error became too large to represent ({1}).</source>
        <translation>На итерации {0} ошибка стала слишком большой, чтобы её представить ({1}).</translation>
    </message>
    <message>
        <location filename="../../desktop/explain.py" line="20"/>
        <source>At iteration {0} the error reached {1}, past the bound of {2} (10,000 times where it started).</source>
        <translation>На итерации {0} ошибка достигла {1}, превысив границу {2} (в 10 000 раз больше начальной).</translation>
    </message>
    <message>
        <location filename="../../desktop/explain.py" line="26"/>
        <source>Each step multiplies delta (prediction − goal) by 1 − alpha·input² = {0}. Here alpha·input² = {1}·{2}² = {3}: above 1 the step overshoots the goal, above 2 it overshoots by more than it corrects, so the error grows every iteration.</source>
        <translation>Каждый шаг умножает delta (прогноз − цель) на 1 − alpha·input² = {0}. Здесь alpha·input² = {1}·{2}² = {3}: больше 1 — шаг проскакивает цель, больше 2 — проскакивает сильнее, чем исправляет, и ошибка растёт с каждой итерацией.</translation>
    </message>
    <message>
        <location filename="../../desktop/explain.py" line="34"/>
        <source>Try alpha below {0}; alpha = {1} lands on the goal in one step.</source>
        <translation>Попробуйте alpha меньше {0}; при alpha = {1} прогноз попадает в цель за один шаг.</translation>
    </message>
    <message>
        <location filename="../../desktop/explain.py" line="38"/>
        <source>The steps are too big for this error surface: try a smaller alpha.</source>
        <translation>Шаги слишком велики для этой поверхности ошибки: попробуйте alpha поменьше.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/dialogs.py" line="35"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="48"/>
        <source>File (.png or .svg)</source>
        <translation>Файл (.png или .svg)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="49"/>
        <source>Width (pixels)</source>
        <translation>Ширина (пикселей)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="51"/>
        <source>Height (pixels)</source>
        <translation>Высота (пикселей)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="68"/>
        <source>Images (*.png *.svg)</source>
        <translation>Изображения (*.png *.svg)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="75"/>
        <source>The file name must end in .png or .svg.</source>
        <translation>Имя файла должно оканчиваться на .png или .svg.</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs.py" line="79"/>
        <source>The folder {0} does not exist.</source>
        <translation>Папки {0} не существует.</translation>
    </message>
</context>
<context>
    <name>FaultDialog</name>
    <message>
        <location filename="../../desktop/faults.py" line="232"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="250"/>
        <source>Details of the error</source>
        <translation>Подробности ошибки</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="252"/>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="254"/>
        <source>Copy what happened to the clipboard, to paste into a bug report</source>
        <translation>Скопировать описание ошибки в буфер обмена, чтобы вставить его в сообщение об ошибке</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="260"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="283"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;in {1}&lt;br&gt;&lt;br&gt;The run is paused. Your progress and settings are kept; you can go on working.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;в {1}&lt;br&gt;&lt;br&gt;Обучение приостановлено. Ваш прогресс и настройки сохранены; можно продолжать работу.</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="288"/>
        <source>This happened {0} times.</source>
        <translation>Это случилось {0} раз.</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="290"/>
        <source>{0} other errors since: {1}</source>
        <translation>Других ошибок с тех пор: {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="295"/>
        <source>The details were written to {0}</source>
        <translation>Подробности записаны в {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="297"/>
        <source>The log could not be written ({0}): copy the details instead.</source>
        <translation>Не удалось записать журнал ({0}): скопируйте подробности.</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="303"/>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>FullPicture</name>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="673"/>
        <source>{0} pixels ({1}×{2})</source>
        <translation>{0} пикселей ({1}×{2})</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="689"/>
        <source>⋮ {0} more</source>
        <translation>⋮ ещё {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="759"/>
        <source>positive weight</source>
        <translation>положительный вес</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="759"/>
        <source>negative weight</source>
        <translation>отрицательный вес</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="768"/>
        <source>thicker = larger |weight| · dashed with a lock = frozen</source>
        <translation>толще — больше |вес| · пунктир с замком — заморожен</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="770"/>
        <source>grey, dashed circle = off: relu gave 0</source>
        <translation>серый пунктирный круг — выключен: relu дал 0</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="786"/>
        <source>off</source>
        <translation>выкл</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="816"/>
        <source>goal {0}</source>
        <translation>цель {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="729"/>
        <location filename="../../desktop/panels/diagram.py" line="818"/>
        <source>error {0}</source>
        <translation>ошибка {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="771"/>
        <source>hover for exact values · click a line to edit its weight</source>
        <translation>наведите указатель — точные значения · щелчок по линии — изменить вес</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="771"/>
        <source>right-click a line to freeze it</source>
        <translation>правый щелчок по линии — заморозить вес</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="832"/>
        <source>{0} weights of {1} into {2} (mean {3}); the “What the weights learn” panel draws them as an image</source>
        <translation>{0} весов {1}, входящих в {2} (среднее {3}); панель «Чему учатся веса» рисует их как изображение</translation>
    </message>
</context>
<context>
    <name>GridItem</name>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="451"/>
        <source>off</source>
        <extracomment>Layers with more units than this are drawn as an image (image_shape) or a sample with an ellipsis. Blocks picture: cell size, and the longest side of a vector or matrix drawn as an image. (matrix index, matrix name, row, column) of the weight, rows = target units.</extracomment>
        <translation>выкл</translation>
    </message>
</context>
<context>
    <name>HiddenStrip</name>
    <message>
        <location filename="../../desktop/panels/digits.py" line="302"/>
        <source>hidden unit {0}: {1}</source>
        <translation>скрытый нейрон {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="304"/>
        <source>(dropped by dropout this step)</source>
        <translation>(отброшен дропаутом на этом шаге)</translation>
    </message>
</context>
<context>
    <name>KernelsPanel</name>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="41"/>
        <source>Weights and kernels</source>
        <translation>Веса и ядра</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="265"/>
        <source>One scale for all tiles</source>
        <translation>Одна шкала для всех плиток</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="266"/>
        <source>Off: each tile uses its own strongest weight as full colour, so every pattern shows. On: one scale, so tiles compare in strength</source>
        <translation>Выключено: у каждой плитки полный цвет — её собственный сильнейший вес, поэтому виден любой узор. Включено: одна шкала, и плитки можно сравнивать по силе</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="268"/>
        <source>Hidden units&apos; input weights</source>
        <translation>Входные веса скрытых нейронов</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="269"/>
        <source>Convolution kernels</source>
        <translation>Ядра свёртки</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="270"/>
        <source>Feature maps</source>
        <translation>Карты признаков</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="383"/>
        <source>The 16 kernels (3×3), shared by every position of the image</source>
        <translation>16 ядер (3×3), общих для всех позиций изображения</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="271"/>
        <source>This network&apos;s hidden units do not look at an image.</source>
        <translation>Скрытые нейроны этой сети не смотрят на изображение.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="262"/>
        <source>Learned so far</source>
        <extracomment>Steps of colour on each side of zero (the lookup table has 2 * LEVELS + 1 signed entries and one grey). The run&apos;s starting hidden weights (kernels in ch. 10), for &quot;learned so far&quot;; None if not seen.</extracomment>
        <translation>Что выучено</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="263"/>
        <source>Show each weight minus its random starting value: what the run has learned, which the random start hides early on</source>
        <translation>Показывать каждый вес за вычетом его случайного начального значения: то, что прогон уже выучил и что поначалу скрыто случайным стартом</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="281"/>
        <source>hidden unit {0}, weight from pixel ({1}, {2}): changed by {3} since the start</source>
        <translation>скрытый нейрон {0}, вес от пикселя ({1}, {2}): изменился на {3} с начала</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="283"/>
        <source>hidden unit {0}, weight from pixel ({1}, {2}): {3}</source>
        <translation>скрытый нейрон {0}, вес от пикселя ({1}, {2}): {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="287"/>
        <source>kernel {0}, row {1}, column {2}: changed by {3} since the start</source>
        <translation>ядро {0}, строка {1}, столбец {2}: изменилось на {3} с начала</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="289"/>
        <source>kernel {0}, row {1}, column {2}: {3}</source>
        <translation>ядро {0}, строка {1}, столбец {2}: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="292"/>
        <source>kernel {0} at window ({1}, {2}): {3}</source>
        <translation>ядро {0} в окне ({1}, {2}): {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="293"/>
        <source>(dropped by dropout this step)</source>
        <translation>(отброшено дропаутом на этом шаге)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="368"/>
        <source>What each of the {0} hidden units has learned so far: its input weights minus their random start, as {1}×{2} images. Blue = grew, orange = shrank.</source>
        <translation>Что выучил каждый из {0} скрытых нейронов: его входные веса за вычетом случайного старта, как изображения {1}×{2}. Синий — выросли, оранжевый — уменьшились.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="372"/>
        <source>The input weights of each of the {0} hidden units, drawn as {1}×{2} images like the digits: blue = positive, orange = negative. Hover a pixel to read it.</source>
        <translation>Входные веса каждого из {0} скрытых нейронов, нарисованные как изображения {1}×{2}, подобно цифрам: синий — положительные, оранжевый — отрицательные. Наведите указатель на пиксель, чтобы прочитать значение.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="381"/>
        <source>The 16 kernels (3×3): what each has learned since its random start</source>
        <translation>16 ядер (3×3): что каждое выучило со случайного старта</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="384"/>
        <source>Convolution: 16 kernels of 3×3 slide over the image; each makes a feature map of where its pattern appears. Blue = positive, orange = negative.</source>
        <translation>Свёртка: 16 ядер 3×3 скользят по изображению; каждое строит карту признаков — где встречается его узор. Синий — положительные, оранжевый — отрицательные.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="390"/>
        <source>Feature maps: after the next prediction</source>
        <translation>Карты признаков: после следующего прогноза</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="402"/>
        <source>Feature maps ({0}×{0}) of the first image of the batch: tanh of each kernel at every window, after dropout (grey: dropped this step, kept values doubled)</source>
        <translation>Карты признаков ({0}×{0}) первого изображения пакета: tanh каждого ядра в каждом окне, после дропаута (серые отброшены на этом шаге, оставшиеся значения удвоены)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="405"/>
        <source>Feature maps ({0}×{0}) of the first image of the batch: tanh of each kernel at every window, after dropout (the dropped positions are greyed when paused)</source>
        <translation>Карты признаков ({0}×{0}) первого изображения пакета: tanh каждого ядра в каждом окне, после дропаута (на паузе отброшенные позиции серые)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="408"/>
        <source>Feature maps ({0}×{0}): tanh of each kernel at every window</source>
        <translation>Карты признаков ({0}×{0}): tanh каждого ядра в каждом окне</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/kernels.py" line="426"/>
        <source>Strongest weight {0} in tile {1}.</source>
        <translation>Сильнейший вес {0} — в плитке {1}.</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="69"/>
        <source>Error landscape</source>
        <extracomment>The contour map costs a grid of error evaluations: repaint it less often. How many of the latest steps set the zoom; the last few of them are numbered. Experiments with more weights than this get no landscape (a contour of two among thousands says little). The error curve draws at most this many of the latest steps (each costs two error evaluations a frame). Errors beyond this are not drawn: the plot&apos;s own arithmetic overflows near the largest float.</extracomment>
        <translation>Рельеф ошибки</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="218"/>
        <source>The weight along the horizontal axis; the others stay as they are now</source>
        <extracomment>Weight arrays seen after each completed iteration (or edit): (iteration, arrays, edited).</extracomment>
        <translation>Вес по горизонтальной оси; остальные остаются такими, как сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="219"/>
        <source>A second weight for a contour map of the error, or none for the error curve of one weight</source>
        <translation>Второй вес — для карты линий уровня ошибки; без него — кривая ошибки одного веса</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="255"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="221"/>
        <source>against</source>
        <translation>и</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="222"/>
        <source>This experiment has no error landscape to show.</source>
        <translation>У этого эксперимента нет рельефа ошибки для показа.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="244"/>
        <source>— none: the error curve of one weight</source>
        <translation>— нет: кривая ошибки одного веса</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="257"/>
        <source>Weight: {0}</source>
        <translation>Вес: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="486"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="487"/>
        <source>weight {0} → error {1} · step {2}</source>
        <translation>вес {0} → ошибка {1} · шаг {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="497"/>
        <source>each step lands further away on the other side: divergence</source>
        <translation>каждый шаг уводит всё дальше на другую сторону: расхождение</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="499"/>
        <source>each step overshoots the bottom, by less every time</source>
        <translation>каждый шаг проскакивает дно, но всё меньше</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="501"/>
        <source>each step moves part of the way down, never past the bottom</source>
        <translation>каждый шаг проходит часть пути вниз, не проскакивая дно</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="503"/>
        <source>the steps go uphill</source>
        <translation>шаги идут в гору</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="504"/>
        <source>Each step multiplies the distance to the bottom by 1 − alpha·input² = {0}: {1}.</source>
        <translation>Каждый шаг умножает расстояние до дна на 1 − alpha·input² = {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="507"/>
        <source>Zoomed to the last {0} of {1} steps; older steps are faint.</source>
        <translation>Показаны последние {0} из {1} шагов; более ранние — бледнее.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="510"/>
        <source>The other weights stay as they are now: when they learn, this curve moves.</source>
        <translation>Остальные веса остаются такими, как сейчас: когда они учатся, кривая сдвигается.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="512"/>
        <location filename="../../desktop/panels/landscape.py" line="573"/>
        <source>At this speed one drawn step covers up to {0} iterations.</source>
        <translation>На этой скорости один нарисованный шаг объединяет до {0} итераций.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="514"/>
        <source>▲ marks the bottom, at {0}.</source>
        <translation>▲ — дно, в точке {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="518"/>
        <source>Off the chart: the weight is now {0}, its error too large to draw. The chart shows the last steps that could still be drawn (up to weight {1}); lower alpha and reset.</source>
        <translation>За пределами графика: вес сейчас {0}, его ошибка слишком велика, чтобы её нарисовать. На графике — последние шаги, которые ещё можно нарисовать (до веса {1}); уменьшите alpha и сделайте сброс.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="569"/>
        <source>{0} = {1}, {2} = {3} → error {4} · step {5}</source>
        <translation>{0} = {1}, {2} = {3} → ошибка {4} · шаг {5}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="576"/>
        <source>The error does not change with these two weights here: they feed a unit that relu turned off, or an input that is 0. Pick other weights.</source>
        <translation>Здесь ошибка не зависит от этих двух весов: они ведут к нейрону, который relu выключил, или идут от входа, равного 0. Выберите другие веса.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="579"/>
        <source>Contours of the error over these two weights (darker = larger; lines at equal steps of √error); the other weights stay as they are now, so the map moves as they learn. Each dot is a step.</source>
        <translation>Линии уровня ошибки по этим двум весам (темнее — больше; линии через равные шаги √ошибки); остальные веса остаются такими, как сейчас, поэтому карта сдвигается, когда они учатся. Каждая точка — шаг.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/landscape.py" line="583"/>
        <source>Off the chart: a weight is no longer a finite number.</source>
        <translation>За пределами графика: вес больше не конечное число.</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="129"/>
        <source>◀ Previous</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="130"/>
        <source>Previous page (Page Up)</source>
        <translation>Предыдущая страница (Page Up)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="131"/>
        <source>Next ▶</source>
        <translation>Далее ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="132"/>
        <source>Next page (Page Down)</source>
        <translation>Следующая страница (Page Down)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="133"/>
        <source>Try this:</source>
        <translation>Попробуйте:</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="137"/>
        <source>{0} problem(s) in the lesson files; those pages are skipped. First: {1}: {2} (hover for all)</source>
        <translation>Ошибок в файлах уроков: {0}; эти страницы пропущены. Первая: {1}: {2} (наведите указатель, чтобы увидеть все)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="157"/>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="227"/>
        <source>page {0} of {1}</source>
        <translation>страница {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="240"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="240"/>
        <source>Not done yet</source>
        <translation>Ещё не выполнено</translation>
    </message>
</context>
<context>
    <name>LettersPicture</name>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1089"/>
        <source>{0}×{1} numbers</source>
        <translation>{0}×{1} чисел</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1089"/>
        <source>max |w| {0}</source>
        <translation>макс. |w| {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="1101"/>
        <source>{0} of {1} off (relu = 0)</source>
        <translation>выключено {0} из {1} (relu = 0)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="321"/>
        <source>Chapter {0}</source>
        <extracomment>Widgets that keep a key for themselves when they have the focus (typing, sliding, moving in a tree). How each data set&apos;s root folder becomes the `data` an experiment takes.</extracomment>
        <translation>Глава {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="338"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="339"/>
        <source>&amp;Run</source>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="340"/>
        <source>E&amp;xperiment</source>
        <translation>&amp;Эксперимент</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="341"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="342"/>
        <source>&amp;Lesson</source>
        <translation>&amp;Урок</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="343"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="344"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="347"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="348"/>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="349"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="350"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="351"/>
        <source>&amp;About Grokking Lab</source>
        <translation>&amp;О программе Grokking Lab</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="352"/>
        <source>Controls</source>
        <translation>Управление</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="353"/>
        <source>Math of this iteration</source>
        <translation>Формулы этой итерации</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="356"/>
        <source>Experiment: </source>
        <translation>Эксперимент: </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="357"/>
        <source>Pick an experiment of the book, by chapter</source>
        <translation>Выберите эксперимент из книги, по главам</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="364"/>
        <source>Grokking Lab — chapter {0}: {1}</source>
        <translation>Grokking Lab — глава {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="397"/>
        <source>Not opened: {0} needs the {1} data set.</source>
        <translation>Не открыто: для «{0}» нужен набор данных «{1}».</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="407"/>
        <source>Data set</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="407"/>
        <source>The {0} data set cannot be used: {1}</source>
        <translation>Набор данных «{0}» нельзя использовать: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="428"/>
        <source>The Russian translation file is missing; staying in English.</source>
        <translation>Файл русского перевода не найден; интерфейс остаётся на английском.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="441"/>
        <source>✓ Done: {0}</source>
        <translation>✓ Выполнено: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="457"/>
        <source>Export plot</source>
        <translation>Экспорт графика</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="469"/>
        <source>Export diagram</source>
        <translation>Экспорт диаграммы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="483"/>
        <source>Export data</source>
        <translation>Экспорт данных</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="483"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="490"/>
        <source>Export animation</source>
        <translation>Экспорт анимации</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="491"/>
        <source>GIF animation (*.gif)</source>
        <translation>Анимация GIF (*.gif)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="494"/>
        <source>Rendering the animation…</source>
        <translation>Создание анимации…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="494"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="512"/>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="512"/>
        <source>Nothing was saved: {0}</source>
        <translation>Ничего не сохранено: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="514"/>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="520"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="527"/>
        <source>&lt;p&gt;&lt;b&gt;Grokking Lab {0}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The networks of Andrew Trask&apos;s &lt;i&gt;Grokking Deep Learning&lt;/i&gt;, built from scratch in numpy, learning live.&lt;/p&gt;&lt;p&gt;Python {1}, Qt {2}, PySide {3}&lt;/p&gt;&lt;p&gt;If something goes wrong, the details are written to the log folder:&lt;br&gt;{4}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Grokking Lab {0}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Сети из книги Эндрю Траска &lt;i&gt;«Грокаем глубокое обучение»&lt;/i&gt;, написанные с нуля на numpy и обучающиеся у вас на глазах.&lt;/p&gt;&lt;p&gt;Python {1}, Qt {2}, PySide {3}&lt;/p&gt;&lt;p&gt;Если что-то пойдёт не так, подробности будут записаны в папку журнала:&lt;br&gt;{4}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="531"/>
        <source>About Grokking Lab</source>
        <translation>О программе Grokking Lab</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="557"/>
        <source>An error occurred ({0}); the run is paused. Details: {1}</source>
        <translation>Произошла ошибка ({0}); обучение приостановлено. Подробности: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="558"/>
        <source>{0}, {1} times</source>
        <translation>{0}, {1} раз</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="571"/>
        <source>The network diverged</source>
        <translation>Сеть разошлась</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="573"/>
        <source>Diverged at iteration {0}</source>
        <translation>Расхождение на итерации {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="577"/>
        <source>Done: the book&apos;s {0} iterations. Press Play to keep going.</source>
        <translation>Готово: все {0} итераций из книги. Нажмите «Пуск», чтобы продолжить.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="586"/>
        <source>Sample data</source>
        <translation>Данные-образец</translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message>
        <location filename="../../desktop/panels/math.py" line="63"/>
        <source>Predict</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/math.py" line="63"/>
        <source>Compare</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/math.py" line="64"/>
        <source>Learn</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/math.py" line="105"/>
        <source>Iteration {0}</source>
        <translation>Итерация {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/math.py" line="106"/>
        <source>Press Step (→) or Phase step (Shift+→) to see the math of one iteration</source>
        <translation>Нажмите «Шаг» (→) или «Шаг по фазе» (Shift+→), чтобы увидеть формулы одной итерации</translation>
    </message>
</context>
<context>
    <name>OutputBars</name>
    <message>
        <location filename="../../desktop/panels/digits.py" line="225"/>
        <source>◀ predicted = true ✓</source>
        <translation>◀ прогноз верен ✓</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="225"/>
        <source>true ✓</source>
        <translation>верная ✓</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="227"/>
        <source>◀ predicted ✗</source>
        <translation>◀ прогноз ✗</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/digits.py" line="229"/>
        <source>true</source>
        <translation>верная</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <location filename="../../desktop/titles.py" line="35"/>
        <source>the input: number of toes</source>
        <translation>входное значение: число пальцев на ногах</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="36"/>
        <source>the network&apos;s only weight</source>
        <translation>единственный вес сети</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="37"/>
        <source>average number of toes per player (game 1)</source>
        <translation>среднее число пальцев на ногах у игроков (игра 1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="38"/>
        <source>the team&apos;s win/loss record so far (game 1)</source>
        <translation>доля побед команды на данный момент (игра 1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="39"/>
        <source>number of fans in millions (game 1)</source>
        <translation>число болельщиков в миллионах (игра 1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="40"/>
        <source>weights of toes, wlrec, nfans</source>
        <translation>веса для toes, wlrec, nfans</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="41"/>
        <source>weights into hurt?, win?, sad?</source>
        <translation>веса, ведущие к hurt?, win?, sad?</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="42"/>
        <source>3x3 weights, row by row: rows hurt?, win?, sad?; columns toes, wlrec, nfans</source>
        <translation>веса 3×3 по строкам: строки hurt?, win?, sad?; столбцы toes, wlrec, nfans</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="43"/>
        <source>input -&gt; hidden weights, row by row (rows hid[0..2])</source>
        <translation>веса от входов к скрытому слою, по строкам (строки hid[0..2])</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="44"/>
        <source>hidden -&gt; prediction weights, row by row (rows hurt?, win?, sad?)</source>
        <translation>веса от скрытого слоя к прогнозу, по строкам (строки hurt?, win?, sad?)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="45"/>
        <source>the input value fed to the network</source>
        <translation>входное значение, подаваемое в сеть</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="46"/>
        <source>the prediction we want (goal_pred)</source>
        <translation>прогноз, который мы хотим получить (goal_pred)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="47"/>
        <source>the weight the run starts from</source>
        <translation>вес, с которого начинается прогон</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="48"/>
        <source>how far to try the weight up and down</source>
        <translation>на сколько пробовать увеличить и уменьшить вес</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="49"/>
        <source>how far the weight moves each iteration</source>
        <translation>на сколько вес сдвигается за одну итерацию</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="50"/>
        <source>learning rate: how much of weight_delta each step applies</source>
        <translation>скорость обучения: какую долю weight_delta применяет каждый шаг</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="51"/>
        <source>learning rate: how much of each weight_delta a step applies</source>
        <translation>скорость обучения: какую долю каждого weight_delta применяет шаг</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="52"/>
        <source>the prediction we want: 1 = the team won</source>
        <translation>прогноз, который мы хотим получить: 1 = команда выиграла</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="53"/>
        <source>initial weights of toes, wlrec, nfans</source>
        <translation>начальные веса для toes, wlrec, nfans</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="54"/>
        <source>goals of hurt?, win?, sad? (game 1)</source>
        <translation>цели для hurt?, win?, sad? (игра 1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="55"/>
        <source>initial weights into hurt?, win?, sad?</source>
        <translation>начальные веса, ведущие к hurt?, win?, sad?</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="56"/>
        <source>initial 3x3 weights, row by row: rows hurt?, win?, sad?; columns toes, wlrec, nfans</source>
        <translation>начальные веса 3×3 по строкам: строки hurt?, win?, sad?; столбцы toes, wlrec, nfans</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="57"/>
        <source>reproduce the book&apos;s code, quirks included, instead of the correct algorithm</source>
        <translation>воспроизводить код книги со всеми его особенностями вместо правильного алгоритма</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="58"/>
        <source>which streetlights row to learn (0 = [1, 0, 1], stop)</source>
        <translation>какую строку светофоров выучить (0 = [1, 0, 1], стоять)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="59"/>
        <source>the goal of each streetlight pattern: 1 = walk, 0 = stop</source>
        <translation>цель для каждого образца светофора: 1 = идти, 0 = стоять</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="60"/>
        <source>initial weights of light 1, light 2, light 3</source>
        <translation>начальные веса огней 1, 2 и 3</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="61"/>
        <source>when the weights change: after every pattern (stochastic), after every batch_size patterns (batch) or once per pass over the six (full), by the mean of the weight_deltas</source>
        <translation>когда меняются веса: после каждого образца (stochastic), после каждых batch_size образцов (batch) или один раз за проход по всем шести (full), на среднее значение weight_delta</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="62"/>
        <source>patterns per update in batch gradient descent</source>
        <translation>образцов на одно обновление в пакетном градиентном спуске</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="63"/>
        <source>number of hidden ReLU units</source>
        <translation>число нейронов ReLU в скрытом слое</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="64"/>
        <source>learning rate: the fraction of each weight update applied</source>
        <translation>скорость обучения: какая доля каждого обновления веса применяется</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="65"/>
        <source>units in the hidden layer</source>
        <translation>число нейронов в скрытом слое</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="66"/>
        <source>test on the held-out images every N epochs, and after the book&apos;s last epoch (0: never)</source>
        <translation>проверять на тестовых изображениях каждые N эпох и после последней эпохи из книги (0: никогда)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="67"/>
        <source>images per batch: one iteration (and one update) per batch</source>
        <translation>изображений в пакете: одна итерация (и одно обновление) на пакет</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="68"/>
        <source>activation function of the hidden layer</source>
        <translation>функция активации скрытого слоя</translation>
    </message>
</context>
<context>
    <name>StreetlightsPanel</name>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="48"/>
        <source>Streetlights</source>
        <extracomment>Below this |r| a light &quot;does not correlate&quot;; above STRONG it predicts the goal by itself.</extracomment>
        <translation>Светофоры</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="191"/>
        <source>Each row is one pattern of lights and its goal; ▶ marks the pattern the network learns from next</source>
        <translation>Каждая строка — один образец огней и его цель; ▶ отмечает образец, на котором сеть учится следующим</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="193"/>
        <source>Correlation with the goal (r, over the whole table)</source>
        <translation>Корреляция с целью (r, по всей таблице)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="194"/>
        <source>r = +1: on exactly when the goal is 1; r = −1: on exactly when it is 0; r = 0: no linear relation. A unit that is always off (relu gave 0 for every pattern) or a light that never changes has no correlation at all</source>
        <translation>r = +1: горит ровно тогда, когда цель 1; r = −1: ровно тогда, когда цель 0; r = 0: линейной связи нет. У нейрона, который всегда выключен (relu дал 0 для всех образцов), и у огня, который никогда не меняется, корреляции нет вовсе</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="197"/>
        <source>This experiment has no small data set to show as a table.</source>
        <translation>У этого эксперимента нет маленького набора данных, который можно показать таблицей.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="185"/>
        <source>goal {0}</source>
        <extracomment>name, r (NaN: the values never change), a section starts here, what to say instead of a NaN bar</extracomment>
        <translation>цель {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="186"/>
        <source>prediction {0}</source>
        <translation>прогноз {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="186"/>
        <location filename="../../desktop/panels/streetlights.py" line="323"/>
        <source>prediction</source>
        <translation>прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="187"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="290"/>
        <source>the network learns from this pattern next</source>
        <translation>на этом образце сеть учится следующим</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="295"/>
        <source>error over the whole table: {0}</source>
        <translation>ошибка по всей таблице: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="304"/>
        <source>never changes</source>
        <translation>не меняется</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="318"/>
        <source>always off</source>
        <translation>всегда выкл.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="324"/>
        <source>Correlation with {0} (r, over the whole table)</source>
        <translation>Корреляция с {0} (r, по всей таблице)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="334"/>
        <source>{0}: always the same, so it cannot tell one pattern from another.</source>
        <translation>{0}: всегда одинаков, поэтому не отличает один образец от другого.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="339"/>
        <source>{0} predicts {1} by itself (r = {2}): one layer of weights can learn this directly, and its weight grows while the others shrink.</source>
        <translation>{0} сам по себе предсказывает {1} (r = {2}): один слой весов может выучить это напрямую — его вес растёт, а остальные уменьшаются.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="343"/>
        <source>No light on its own correlates with {0} (largest |r| = {1}): a network with no hidden layer cannot learn this pattern.</source>
        <translation>Ни один огонь сам по себе не коррелирует с {0} (наибольший |r| = {1}): сеть без скрытого слоя не может выучить эту закономерность.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="347"/>
        <source>{0} correlates with {1} only partly (r = {2}).</source>
        <translation>{0} коррелирует с {1} лишь отчасти (r = {2}).</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="355"/>
        <source>The hidden layer creates the correlation the lights lack: {0} correlates with {1} at r = {2}. Each hidden unit switches off (relu = 0) for some patterns, and that is what makes the difference.</source>
        <translation>Скрытый слой создаёт корреляцию, которой нет у огней: {0} коррелирует с {1} при r = {2}. Каждый скрытый нейрон выключается (relu = 0) на части образцов — в этом всё дело.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/streetlights.py" line="360"/>
        <source>No hidden unit correlates with {0} more than the lights yet (best: {1}, r = {2}); watch them as the network learns.</source>
        <translation>Пока ни один скрытый нейрон не коррелирует с {0} сильнее огней (лучший: {1}, r = {2}); следите за ними, пока сеть учится.</translation>
    </message>
</context>
<context>
    <name>WeightEditor</name>
    <message>
        <location filename="../../desktop/panels/diagram.py" line="525"/>
        <source>Enter applies it, Esc cancels; the run continues from the new weight</source>
        <translation>Enter — применить, Esc — отменить; прогон продолжится с нового веса</translation>
    </message>
</context>
<context>
    <name>WeightImagesPanel</name>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="68"/>
        <source>What the weights learn</source>
        <extracomment>Bars for at most this many weight vectors; beyond it, the ones the input agrees with most.</extracomment>
        <translation>Чему учатся веса</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="270"/>
        <source>One scale for all tiles</source>
        <translation>Одна шкала для всех плиток</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="271"/>
        <source>Off: each tile uses its own strongest weight as full colour, so every pattern shows. On: one scale, so tiles compare in strength</source>
        <translation>Выключено: у каждой плитки полный цвет — её собственный сильнейший вес, поэтому виден любой узор. Включено: одна шкала, и плитки можно сравнивать по силе</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="273"/>
        <source>Click a tile to take its weights into the dot product below</source>
        <translation>Щёлкните по плитке, чтобы взять её веса в скалярное произведение ниже</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="274"/>
        <source>This network does not take an image in, so its weights are not drawn as images here.</source>
        <translation>Эта сеть не получает на вход изображение, поэтому её веса здесь не рисуются картинками.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="307"/>
        <source>The weights into each unit of {0}, drawn as {1}×{2} images like the input: blue = positive, orange = negative</source>
        <translation>Веса, входящие в каждый нейрон слоя {0}, нарисованные как изображения {1}×{2}, подобно входу: синий — положительные, оранжевый — отрицательные</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="333"/>
        <source>weights into {0}: from {1} to {2}; click to use it in the dot product</source>
        <translation>веса, входящие в {0}: от {1} до {2}; щёлкните, чтобы взять их в скалярное произведение</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="345"/>
        <source>w: the weights into {0}</source>
        <translation>w: веса, входящие в {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="349"/>
        <source>no input yet</source>
        <translation>входа ещё нет</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="350"/>
        <source>x: the input</source>
        <translation>x: вход</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="351"/>
        <source>x ⊙ w</source>
        <translation>x ⊙ w</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="352"/>
        <source>Step once to see which parts of the input agree with the weights.</source>
        <translation>Сделайте один шаг, чтобы увидеть, какие части входа согласуются с весами.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="363"/>
        <source>x: the input now</source>
        <translation>x: текущий вход</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="364"/>
        <source>x ⊙ w: agree (blue), disagree (orange)</source>
        <translation>x ⊙ w: согласие (синий), расхождение (оранжевый)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="371"/>
        <source>= {0}: the weighted sum the network computed</source>
        <translation>= {0}: взвешенная сумма, которую вычислила сеть</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="373"/>
        <source>{0}({1}) = {2} = {3}</source>
        <translation>{0}({1}) = {2} = {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="376"/>
        <source>{0} was {1}: computed before the last update changed w</source>
        <translation>{0} было {1}: вычислено до того, как последнее обновление изменило w</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="384"/>
        <source>The input&apos;s dot product with the {0} weight vectors it agrees with most (of {1}):</source>
        <translation>Скалярное произведение входа с {0} векторами весов, с которыми он согласуется больше всего (из {1}):</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/weight_images.py" line="387"/>
        <source>The input&apos;s dot product with every weight vector: the largest is the unit this input looks most like</source>
        <translation>Скалярное произведение входа с каждым вектором весов: наибольшее — у нейрона, на который этот вход больше всего похож</translation>
    </message>
</context>
</TS>
