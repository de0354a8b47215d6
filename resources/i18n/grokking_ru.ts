<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/actions.py" line="40"/>
        <source>&amp;Play</source>
        <extracomment>Shortcuts by action id. Standard keys where the platform has one.</extracomment>
        <translation>&amp;Пуск</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="41"/>
        <source>Run iterations on a timer; press again to pause</source>
        <translation>Выполнять итерации одну за другой; нажмите ещё раз для паузы</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="43"/>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="43"/>
        <source>Pause the run; nothing is lost</source>
        <translation>Приостановить прогон; ничего не теряется</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="45"/>
        <source>&amp;Step</source>
        <translation>&amp;Шаг</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="46"/>
        <source>Run one whole iteration: predict, compare, learn</source>
        <translation>Выполнить одну целую итерацию: прогноз, сравнение, обучение</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="49"/>
        <source>P&amp;hase step</source>
        <translation>Шаг по &amp;фазе</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="50"/>
        <source>Run only the next phase of the iteration</source>
        <translation>Выполнить только следующую фазу итерации</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="52"/>
        <source>&amp;Reset</source>
        <translation>&amp;Сброс</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="52"/>
        <source>Start again from the initial values</source>
        <translation>Начать заново с начальных значений</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="54"/>
        <source>&amp;Open run…</source>
        <translation>&amp;Открыть запуск…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="55"/>
        <source>Continue a saved run: its experiment, parameters, edits, weights and history</source>
        <translation>Продолжить сохранённый запуск: его эксперимент, параметры, правки, веса и историю</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="58"/>
        <source>&amp;Save run…</source>
        <translation>&amp;Сохранить запуск…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="59"/>
        <source>Save this run to a file, to continue it later or to hand it out</source>
        <translation>Сохранить этот запуск в файл, чтобы продолжить его позже или раздать</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="62"/>
        <source>Export &amp;plot…</source>
        <translation>Экспорт &amp;графика…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="63"/>
        <source>Save the error plot as a PNG or SVG image</source>
        <translation>Сохранить график ошибки как изображение PNG или SVG</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="66"/>
        <source>Export &amp;diagram…</source>
        <translation>Экспорт д&amp;иаграммы…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="67"/>
        <source>Save the network diagram as a PNG or SVG image</source>
        <translation>Сохранить диаграмму сети как изображение PNG или SVG</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="70"/>
        <source>Export &amp;view…</source>
        <translation>&amp;Экспорт вида…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="71"/>
        <source>Save the view in front of the main area as a PNG or SVG image</source>
        <translation>Сохранить вид, открытый в главной области, как изображение PNG или SVG</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="74"/>
        <source>Export da&amp;ta (CSV)…</source>
        <translation>Экспорт &amp;данных (CSV)…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="75"/>
        <source>Save every iteration&apos;s (and epoch&apos;s) numbers as CSV</source>
        <translation>Сохранить числа каждой итерации (и эпохи) в CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="78"/>
        <source>Export &amp;animation (GIF)…</source>
        <translation>Экспорт &amp;анимации (GIF)…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="79"/>
        <source>Save the run from its start to now as an animated GIF of the diagram and plot</source>
        <translation>Сохранить прогон от начала до текущего момента как анимацию GIF из диаграммы и графика</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="82"/>
        <source>Data &amp;sets…</source>
        <translation>&amp;Наборы данных…</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="83"/>
        <source>See which data sets are here, download or import them</source>
        <translation>Посмотреть, какие наборы данных есть на компьютере, скачать или импортировать их</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="85"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="85"/>
        <source>Close Grokking Lab</source>
        <translation>Закрыть Grokking Lab</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="87"/>
        <source>&amp;Log scale</source>
        <translation>&amp;Логарифмическая шкала</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="88"/>
        <source>Show the error on a logarithmic axis</source>
        <translation>Показывать ошибку на логарифмической оси</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="91"/>
        <source>&amp;Reset layout</source>
        <translation>&amp;Сбросить расположение</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="92"/>
        <source>Put the views and panels of this chapter back where the page places them</source>
        <translation>Вернуть виды и панели этой главы туда, где их располагает страница</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="95"/>
        <source>&amp;Next page</source>
        <translation>&amp;Следующая страница</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="96"/>
        <source>Go to the next page of the course</source>
        <translation>Перейти к следующей странице курса</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="99"/>
        <source>&amp;Previous page</source>
        <translation>&amp;Предыдущая страница</translation>
    </message>
    <message>
        <location filename="../../desktop/actions.py" line="100"/>
        <source>Go to the previous page of the course</source>
        <translation>Перейти к предыдущей странице курса</translation>
    </message>
</context>
<context>
    <name>ActivationsPanel</name>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="59"/>
        <source>Activation functions</source>
        <extracomment>Where the curves are sampled. Softmax saturates further out: with nine other scores at 0, s(x) passes 0.9 only after x = 4.4. Each function and its derivative in notation (not prose: the same in every language). The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Функции активации</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="163"/>
        <source>Hidden layer:</source>
        <extracomment>The activation plotted now (the experiment&apos;s chosen one).</extracomment>
        <translation>Скрытый слой:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="164"/>
        <source>Start the run again with this activation. The run so far stays in the error plot as a faint earlier run, so you can compare how fast each one learns.</source>
        <translation>Начать прогон заново с этой функцией активации. Текущий прогон останется на графике ошибки бледной кривой, и можно будет сравнить, какая учится быстрее.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="225"/>
        <source>This experiment has no hidden layer activation to show here.</source>
        <translation>В этом эксперименте нет функции активации скрытого слоя, которую можно здесь показать.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="239"/>
        <source>This network&apos;s hidden layer uses {0}. Chapter 9 lets you choose between relu, sigmoid and tanh.</source>
        <translation>Скрытый слой этой сети использует {0}. В главе 9 можно выбрать relu, sigmoid или tanh.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="242"/>
        <source>{0} is chosen but this run still uses {1}: it applies when the run starts again (Reset).</source>
        <translation>Выбрана {0}, но этот прогон ещё использует {1}: выбор вступит в силу, когда прогон начнётся заново (сброс).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="245"/>
        <source>Choosing another activation starts the run again; the run so far stays in the error plot as a faint earlier run to compare with.</source>
        <translation>Выбор другой функции активации начинает прогон заново; текущий прогон останется на графике ошибки бледной кривой для сравнения.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="262"/>
        <source>others: {0}</source>
        <translation>остальные: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="263"/>
        <source>Hidden layer: {0} (solid) and its derivative (dashed), which scales the error flowing back</source>
        <translation>Скрытый слой: {0} (сплошная) и её производная (пунктир), которая масштабирует ошибку, идущую обратно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="267"/>
        <source>Hidden activation plot</source>
        <translation>График активации скрытого слоя</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="275"/>
        <source>Output layer: softmax of one digit&apos;s score x, the nine others at 0; all ten outputs add up to 1</source>
        <translation>Выходной слой: softmax от оценки x одной цифры, остальные девять равны 0; все десять выходов в сумме дают 1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="280"/>
        <source>Output layer: linear (chapter 8), compared with the goal by squared error</source>
        <translation>Выходной слой: линейный (глава 8), сравнивается с целью по квадратичной ошибке</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="292"/>
        <source>Output activation plot</source>
        <translation>График активации выходного слоя</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/activations.py" line="298"/>
        <source>{0} from x = {1} to {2}: values from {3:.2f} to {4:.2f}; the derivative is largest, {5:.2f}, at x = {6:.2f}.</source>
        <translation>{0} при x от {1} до {2}: значения от {3:.2f} до {4:.2f}; производная наибольшая, {5:.2f}, при x = {6:.2f}.</translation>
    </message>
</context>
<context>
    <name>AnalogyView</name>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="59"/>
        <source>Analogy workbench</source>
        <extracomment>The smallest readable size (width, height) in pixels. An analogy &quot;works&quot; when the expected word is among this many best answers of the correct list. While the run plays, the lists hold only this many best words (ranking all of them twice a second would stall the window on the full vocabulary); paused, they hold every word.</extracomment>
        <translation>Аналогии</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="127"/>
        <source>a query word</source>
        <translation>слово запроса</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="214"/>
        <source>e.g. terrible - bad + good</source>
        <translation>например, terrible - bad + good</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="215"/>
        <source>Words joined by + and −; press Enter to rank every word.</source>
        <translation>Слова, соединённые знаками + и −; нажмите Enter, чтобы упорядочить все слова.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="216"/>
        <source>expected word</source>
        <translation>ожидаемое слово</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="217"/>
        <source>The word you expect: it is highlighted, with its rank.</source>
        <translation>Слово, которое вы ожидаете: оно выделяется, и виден его номер в списке.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="218"/>
        <source>exclude query words</source>
        <translation>без слов запроса</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="219"/>
        <source>Leave the query words out of the lists (they are often the nearest).</source>
        <translation>Убрать слова запроса из списков (часто они оказываются ближе всех).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="220"/>
        <source>Correct: rows ÷ ‖row‖</source>
        <translation>Верно: строки ÷ ‖строка‖</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="221"/>
        <source>Each row divided by its length, so only directions count.</source>
        <translation>Каждая строка делится на свою длину, так что важно только направление.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="222"/>
        <source>The book&apos;s: rows × ‖row‖² (Q13)</source>
        <translation>Как в книге: строки × ‖строка‖² (Q13)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="223"/>
        <source>The book multiplies each row by its squared length instead of dividing by its length: long rows dominate.</source>
        <translation>Книга умножает каждую строку на квадрат её длины вместо деления на длину: длинные строки перевешивают.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="226"/>
        <source>word</source>
        <translation>слово</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="226"/>
        <source>score</source>
        <translation>оценка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="228"/>
        <source>Analogy</source>
        <translation>Аналогия</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="229"/>
        <source>Expected word</source>
        <translation>Ожидаемое слово</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="232"/>
        <source>Columns: rank, word, score</source>
        <translation>Столбцы: место, слово, оценка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="305"/>
        <source>This experiment has no word vectors.</source>
        <translation>У этого эксперимента нет векторов слов.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="337"/>
        <source>Cannot read the analogy: {0}</source>
        <translation>Не удаётся разобрать аналогию: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="343"/>
        <source>{0}: not in the vocabulary: {1}</source>
        <translation>{0}: нет в словаре: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="349"/>
        <source>{0} ≈ {1}</source>
        <translation>{0} ≈ {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="352"/>
        <source>{0}: “{1}” is not among the best {2} (pause for the whole list)</source>
        <translation>{0}: «{1}» нет среди {2} лучших (поставьте на паузу, чтобы увидеть весь список)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="355"/>
        <source>{0}: “{1}” is not in the lists</source>
        <translation>{0}: «{1}» нет в списках</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="356"/>
        <source>{0}: “{1}” is number {2} (correct) and number {3} (the book&apos;s)</source>
        <translation>{0}: «{1}» на месте {2} (верно) и на месте {3} (как в книге)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="361"/>
        <source>Correct list</source>
        <translation>Верный список</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/analogy.py" line="361"/>
        <source>The book&apos;s list</source>
        <translation>Список книги</translation>
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
        <location filename="../../desktop/views/network/diagram/blocks.py" line="70"/>
        <source>goal</source>
        <translation>цель</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/blocks.py" line="76"/>
        <source>a layer is a vector, a weight matrix a block</source>
        <translation>слой — вектор, матрица весов — блок</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/blocks.py" line="76"/>
        <source>(rows = inputs, columns = outputs)</source>
        <translation>(строки — входы, столбцы — выходы)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/blocks.py" line="77"/>
        <source>colour = sign, strength = size</source>
        <translation>цвет — знак, насыщенность — величина</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/blocks.py" line="77"/>
        <source>hatched = off (relu gave 0); dashed = frozen</source>
        <translation>штриховка — выключен (relu дал 0); пунктир — заморожен</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/blocks.py" line="159"/>
        <source>{0} of {1} off</source>
        <translation>выключено {0} из {1}</translation>
    </message>
</context>
<context>
    <name>BoardTexts</name>
    <message>
        <location filename="../../desktop/views/federated/board/__init__.py" line="29"/>
        <location filename="../../desktop/views/federated/board/texts.py" line="35"/>
        <source>Federation board</source>
        <extracomment>What the learner does here that a lesson task may count. The smallest readable size: the stepper, a one-line owner card and three client cards.</extracomment>
        <translation>Доска федерации</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="40"/>
        <source>{0} encrypts the model</source>
        <translation>{0} шифрует модель</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="41"/>
        <source>making the key pair</source>
        <translation>создаётся пара ключей</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="41"/>
        <source>adding the encrypted models</source>
        <translation>сложение зашифрованных моделей</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="42"/>
        <source>decrypting the sum</source>
        <translation>расшифровка суммы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="43"/>
        <source>comparing with plain averaging</source>
        <translation>сравнение с обычным усреднением</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="49"/>
        <source>waiting for the updates</source>
        <translation>ждёт обновлений</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="52"/>
        <source>averaged, tested</source>
        <translation>усреднено, проверено</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="53"/>
        <source>waiting for the model</source>
        <translation>ждёт модель</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="54"/>
        <source>training: batch {0} of {1}</source>
        <translation>обучение: пакет {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="55"/>
        <source>encrypted update sent</source>
        <translation>зашифрованное обновление отправлено</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="55"/>
        <source>update sent</source>
        <translation>обновление отправлено</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="56"/>
        <source>update averaged</source>
        <translation>обновление усреднено</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="62"/>
        <source>{0} test e-mails ({1} spam)</source>
        <translation>тестовых писем: {0} (спам: {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="63"/>
        <source>test accuracy {0}</source>
        <translation>точность на тесте {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="65"/>
        <source>the average changed {0} weights</source>
        <translation>среднее изменило весов: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="67"/>
        <source>{0} e-mails ({1} spam)</source>
        <translation>писем: {0} (спам: {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="68"/>
        <source>Loss {0}</source>
        <translation>Loss {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="70"/>
        <source>{0} weights changed</source>
        <translation>изменено весов: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="76"/>
        <source>model</source>
        <translation>модель</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="77"/>
        <source>Enc(update)</source>
        <translation>Enc(обновление)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="77"/>
        <source>update</source>
        <translation>обновление</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="82"/>
        <source>{0} · round {1}, after the book&apos;s {2}</source>
        <translation>{0} · раунд {1}, сверх книжных {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="84"/>
        <source>{0} · round {1} of {2}</source>
        <translation>{0} · раунд {1} из {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="88"/>
        <source>update strips: ±{0} (blue: towards spam, orange: towards ham)</source>
        <translation>полосы обновлений: ±{0} (синий — к спаму, оранжевый — к обычной почте)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="93"/>
        <source>Test accuracy after each round</source>
        <translation>Точность на тесте после каждого раунда</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="94"/>
        <source>Loss per e-mail of each batch, round after round</source>
        <translation>Ошибка на письмо в каждом пакете, раунд за раундом</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="99"/>
        <source>The average&apos;s change of the weights: the vocabulary in alphabetical order, each cell a run of words coloured by its largest change (blue: towards spam, orange: towards ham)</source>
        <translation>Изменение весов средним: словарь по алфавиту, каждая клетка — группа слов, окрашенная по наибольшему изменению среди них (синий — к спаму, оранжевый — к обычной почте)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="101"/>
        <source>This client&apos;s update: the vocabulary in alphabetical order, each cell a run of words coloured by its largest change (blue: towards spam, orange: towards ham); every card on one scale</source>
        <translation>Обновление этого участника: словарь по алфавиту, каждая клетка — группа слов, окрашенная по наибольшему изменению среди них (синий — к спаму, оранжевый — к обычной почте); у всех карточек одна шкала</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="106"/>
        <source>This experiment has no federated rounds: the board shows ch15.federated and ch15.paillier</source>
        <translation>В этом эксперименте нет федеративных раундов: доска показывает ch15.federated и ch15.paillier</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="112"/>
        <source>Round {0} of {1}.</source>
        <translation>Раунд {0} из {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="113"/>
        <source>{0}: {1}; test accuracy by round: {2}.</source>
        <translation>{0}: {1}; точность на тесте по раундам: {2}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="120"/>
        <source>the model is with it</source>
        <translation>модель у него</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="121"/>
        <source>its update travels back</source>
        <translation>его обновление идёт обратно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="121"/>
        <source>nothing travels</source>
        <translation>ничего не передаётся</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="122"/>
        <source>{0}: {1} e-mails, {2}; loss {3}; {4}.</source>
        <translation>{0}: писем {1}, {2}; ошибка {3}; {4}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/board/texts.py" line="125"/>
        <source>The average changed {0} weights.</source>
        <translation>Среднее изменило весов: {0}.</translation>
    </message>
</context>
<context>
    <name>BpttPanel</name>
    <message>
        <location filename="../../desktop/views/lstm/bptt.py" line="29"/>
        <location filename="../../desktop/views/lstm/bptt.py" line="148"/>
        <source>Truncated back-propagation</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Усечённое обратное распространение</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/bptt.py" line="156"/>
        <source>This picture shows how chapter 14&apos;s character models cut their text.</source>
        <translation>Эта картинка показывает, как символьные модели главы 14 режут свой текст.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/bptt.py" line="168"/>
        <source>The text ({0} characters) as {1} streams of {2}: {3} batches of {4} steps</source>
        <translation>Текст ({0} символов) как {1} потоков по {2}: {3} пакетов по {4} шагов</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/bptt.py" line="170"/>
        <source>Batch {0} (being trained): each stream&apos;s {1} characters, step {2} marked</source>
        <translation>Пакет {0} (обучается): по {1} символов каждого потока, отмечен шаг {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/bptt.py" line="172"/>
        <source>Batch {0} (next): each stream&apos;s {1} input characters</source>
        <translation>Пакет {0} (следующий): по {1} входных символов каждого потока</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/bptt.py" line="173"/>
        <source>⋮ and {0} more streams (make the view taller to see them)</source>
        <translation>⋮ и ещё потоков: {0} (сделайте вид выше, чтобы их увидеть)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/bptt.py" line="174"/>
        <source>┆ the cut: h carries over from batch {0}, its graph does not: hidden = Tensor(hidden.data, autograd=True)</source>
        <translation>┆ разрез: h переходит из пакета {0}, а его граф — нет: hidden = Tensor(hidden.data, autograd=True)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/bptt.py" line="178"/>
        <source>{0} streams × {1} steps = {2} characters a batch · stream 1 reads {3}–{4} · {5} characters of the text are never used</source>
        <translation>{0} потоков × {1} шагов = {2} символов в пакете · поток 1 читает {3}–{4} · {5} символов текста не используются никогда</translation>
    </message>
</context>
<context>
    <name>CbowView</name>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="54"/>
        <source>Word2vec step</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Шаг word2vec</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="190"/>
        <source>not used (Q11)</source>
        <translation>не берётся (Q11)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="191"/>
        <source>p(drawn)</source>
        <translation>p(выбора)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="191"/>
        <source>goal</source>
        <translation>цель</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="192"/>
        <source>Context window</source>
        <translation>Окно контекста</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="193"/>
        <source>Target and negative samples</source>
        <translation>Целевое слово и отрицательные примеры</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="203"/>
        <source>No word2vec step to show: the training is over.</source>
        <translation>Шагов word2vec больше нет: обучение закончено.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="204"/>
        <source>This experiment is not word2vec.</source>
        <translation>Этот эксперимент — не word2vec.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="238"/>
        <source>Pass {0}, review {1}, word {2} of {3}: predict “{4}” from {5} context words (p = share of the {6} tokens).</source>
        <translation>Проход {0}, отзыв {1}, слово {2} из {3}: угадать «{4}» по {5} словам контекста (p — доля среди {6} лексем).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="251"/>
        <source>Learned: weights_0_1 rows of {0} (the context, each by −alpha · layer_1_delta, |·| = {1}); weights_1_2 rows of {2} (target and negatives).</source>
        <translation>Обучение: в weights_0_1 изменились строки {0} (контекст, каждая на −alpha · layer_1_delta, |·| = {1}); в weights_1_2 — строки {2} (целевое слово и отрицательные примеры).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="255"/>
        <source>The learn phase will change: weights_0_1 rows of {0} (the context); weights_1_2 rows of {1} (target and negatives); no other row.</source>
        <translation>Фаза обучения изменит: в weights_0_1 строки {0} (контекст); в weights_1_2 строки {1} (целевое слово и отрицательные примеры); больше никаких строк.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="259"/>
        <source>learns once (the book&apos;s fancy indexing, Q12)</source>
        <translation>обучается один раз (расширенная индексация книги, Q12)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="260"/>
        <source>learns once per listing (Q12 corrected)</source>
        <translation>обучается столько раз, сколько указана (Q12 исправлено)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="261"/>
        <source>Listed twice: {0} — {1}.</source>
        <translation>Указано дважды: {0} — {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/cbow.py" line="270"/>
        <source>Left context: {0}; right context: {1}; negatives: {2}.</source>
        <translation>Контекст слева: {0}; контекст справа: {1}; отрицательные примеры: {2}.</translation>
    </message>
</context>
<context>
    <name>CellPanel</name>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="39"/>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="257"/>
        <source>The LSTM cell</source>
        <extracomment>What the learner does here that a lesson task may count. The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Ячейка LSTM</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="248"/>
        <source>stream</source>
        <translation>поток</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="249"/>
        <source>step t</source>
        <translation>шаг t</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="250"/>
        <source>unit</source>
        <translation>нейрон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="251"/>
        <source>latest</source>
        <translation>последний</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="252"/>
        <source>The time step of the batch to show (latest: the one just computed)</source>
        <translation>Шаг времени пакета, который показать (последний — только что вычисленный)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="253"/>
        <source>The unit whose values the cell shows (or click a strip)</source>
        <translation>Нейрон, значения которого показывает ячейка (или щёлкните полосу)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="254"/>
        <source>Stream</source>
        <translation>Поток</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="255"/>
        <source>Time step</source>
        <translation>Шаг времени</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="256"/>
        <source>Unit</source>
        <translation>Нейрон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="284"/>
        <source>This view shows the cell of chapter 14&apos;s character models.</source>
        <translation>Этот вид показывает ячейку символьных моделей главы 14.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="294"/>
        <source>Phase-step (Shift+→) through a batch: the cell fills with the values of each step.</source>
        <translation>Пройдите пакет по фазам (Shift+→): ячейка заполнится значениями каждого шага.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="296"/>
        <source>Step {0} is not computed yet in this batch.</source>
        <translation>Шаг {0} в этом пакете ещё не вычислен.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="317"/>
        <source>Batch {0}, stream {1}, t = {2}: reads {3}, should predict {4}, predicts {5}</source>
        <translation>Пакет {0}, поток {1}, t = {2}: читает {3}, должна предсказать {4}, предсказывает {5}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="325"/>
        <source>unit {0}: h_prev = {1} → h = {2}</source>
        <translation>нейрон {0}: h_prev = {1} → h = {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="334"/>
        <source>The cell.</source>
        <translation>Ячейка.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/lstm_cell.py" line="336"/>
        <source>Mean forget gate over the units: {0}.</source>
        <translation>Среднее значение вентиля забывания по нейронам: {0}.</translation>
    </message>
</context>
<context>
    <name>ChainLab</name>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="52"/>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="265"/>
        <source>Exploding/vanishing lab</source>
        <extracomment>What the learner does here that a lesson task may count. The smallest readable size (width, height) in pixels. At most this many decades on a log axis (a chain that overflows would squash everything else). A step back that multiplies the gradient by less than this (more than its inverse) makes it vanish (explode).</extracomment>
        <translation>Лаборатория взрыва и затухания</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="72"/>
        <source>it dies or overflows</source>
        <translation>он обнуляется или переполняется</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="74"/>
        <source>×{0} a step: vanishes</source>
        <translation>×{0} за шаг: затухает</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="76"/>
        <source>×{0} a step: explodes</source>
        <translation>×{0} за шаг: взрывается</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="77"/>
        <source>×{0} a step: keeps its size</source>
        <translation>×{0} за шаг: сохраняет величину</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="251"/>
        <source>start (before sigmoid)</source>
        <translation>начало (до сигмоиды)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="252"/>
        <source>steps</source>
        <translation>шаги</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="253"/>
        <source>Book&apos;s values</source>
        <translation>Как в книге</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="254"/>
        <source>W = [[1, 4], [4, 1]], start (1, 0.01), 10 steps, as in the book</source>
        <translation>W = [[1, 4], [4, 1]], начало (1, 0.01), 10 шагов, как в книге</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="255"/>
        <source>The left chain&apos;s activation (the right one is always ReLU)</source>
        <translation>Функция активации левой цепочки (правая всегда ReLU)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="256"/>
        <source>Activation of the left chain</source>
        <translation>Функция активации левой цепочки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="257"/>
        <source>Steps of each chain</source>
        <translation>Шаги каждой цепочки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="259"/>
        <source>The recurrent matrix W: the same matrix multiplies the vector at every step (Enter applies the value and starts the run again)</source>
        <translation>Рекуррентная матрица W: одна и та же матрица умножает вектор на каждом шаге (Enter применяет значение и начинает прогон заново)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="261"/>
        <source>Matrix W, {0}</source>
        <translation>Матрица W, {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="263"/>
        <source>The vector whose sigmoid starts both chains</source>
        <translation>Вектор, сигмоида которого начинает обе цепочки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="264"/>
        <source>Start vector, entry {0}</source>
        <translation>Начальный вектор, элемент {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="358"/>
        <source>{0}: ‖a‖ after step k</source>
        <translation>{0}: ‖a‖ после шага k</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="360"/>
        <source>relu: ‖x‖ after step k</source>
        <translation>relu: ‖x‖ после шага k</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="361"/>
        <source>{0}: ‖g‖ k steps back, {1}</source>
        <translation>{0}: ‖g‖ на k шагов назад, {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="363"/>
        <source>relu: ‖g‖ k steps back, {0}</source>
        <translation>relu: ‖g‖ на k шагов назад, {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="367"/>
        <source>This lab edits chapter 14&apos;s exploding/vanishing chain; it shows the book&apos;s values here.</source>
        <translation>Эта лаборатория меняет цепочку взрыва и затухания из главы 14; здесь она показывает значения из книги.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="370"/>
        <source>Edit W or the start and press Enter: the run starts again with them.</source>
        <translation>Измените W или начало и нажмите Enter: прогон начнётся заново с ними.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="379"/>
        <source>eigenvalues of W: {0} · spectral radius {1} · largest slope: {2} {3}, relu 1</source>
        <translation>собственные значения W: {0} · спектральный радиус {1} · наибольший наклон: {2} {3}, relu 1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/chain_lab.py" line="387"/>
        <source>Exploding/vanishing lab. After {0} steps back the {1} gradient has size {2} ({3}), the relu gradient {4} ({5}). {6}.</source>
        <translation>Лаборатория взрыва и затухания. Через {0} шагов назад градиент {1} имеет величину {2} ({3}), градиент relu — {4} ({5}). {6}.</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <location filename="../../desktop/panels/code.py" line="97"/>
        <source>{0} — one iteration of {1}</source>
        <translation>{0} — одна итерация {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/code.py" line="98"/>
        <source>Code of one iteration</source>
        <translation>Код одной итерации</translation>
    </message>
</context>
<context>
    <name>ConfusionGrid</name>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="96"/>
        <source>true {0} predicted {1}: 1 image</source>
        <extracomment>The (true, predicted) cell under the mouse changed (None: no cell).</extracomment>
        <translation>цифра {0}, прогноз {1}: одно изображение</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="98"/>
        <source>true {0} predicted {1}: {2} images</source>
        <translation>цифра {0}, прогноз {1}: изображений — {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="101"/>
        <source>({0} of the {1} test images of {2})</source>
        <translation>({0} из {1} тестовых изображений цифры {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="143"/>
        <source>predicted digit</source>
        <translation>прогноз сети</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="147"/>
        <source>true digit</source>
        <translation>верная цифра</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="153"/>
        <source>right</source>
        <translation>верно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="196"/>
        <source>right: 0 → 100 %</source>
        <translation>верно: 0 → 100 %</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="197"/>
        <source>mistaken: 0 → 25 % and more</source>
        <translation>ошибки: 0 → 25 % и больше</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="40"/>
        <location filename="../../desktop/views/mnist/confusion.py" line="248"/>
        <source>Confusion matrix</source>
        <extracomment>The smallest readable size (width, height) in pixels.
----------
The epoch whose test pass the matrix shows (None: not known, e.g. after a rewind).</extracomment>
        <translation>Матрица ошибок</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="289"/>
        <source>Point at a cell to read it.</source>
        <translation>Наведите указатель на клетку, чтобы прочитать её.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="316"/>
        <source>This experiment has no test pass to show as a confusion matrix.</source>
        <translation>В этом эксперименте нет проверки на тестовой выборке, которую можно показать матрицей ошибок.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="320"/>
        <source>No test pass yet: the matrix appears after the first tested epoch. Rows are the true digit, columns the network&apos;s prediction.</source>
        <translation>Проверки на тестовой выборке ещё не было: матрица появится после первой проверенной эпохи. Строки — верная цифра, столбцы — прогноз сети.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="329"/>
        <source>Test pass after epoch {0}: {1} of {2} test images right ({3}). Rows: the true digit; columns: what the network predicted.</source>
        <translation>Проверка после эпохи {0}: верно {1} из {2} тестовых изображений ({3}). Строки — верная цифра; столбцы — прогноз сети.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="333"/>
        <source>Last test pass: {0} of {1} test images right ({2}). Rows: the true digit; columns: what the network predicted.</source>
        <translation>Последняя проверка: верно {0} из {1} тестовых изображений ({2}). Строки — верная цифра; столбцы — прогноз сети.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="344"/>
        <source>Hardest digit: {0}, {1} right.</source>
        <translation>Самая трудная цифра: {0}, верно {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/confusion.py" line="349"/>
        <source>Most frequent mistake: true {0} predicted {1}, {2} images.</source>
        <translation>Самая частая ошибка: {0} принята за {1}, изображений: {2}.</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../desktop/panels/controls.py" line="45"/>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="47"/>
        <source>one of {0}</source>
        <translation>одно из значений {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="49"/>
        <source>text as the description says</source>
        <translation>текст, как сказано в описании</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="51"/>
        <source>{0} numbers separated by commas</source>
        <translation>список из {0} чисел через запятую</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="53"/>
        <source>a whole number</source>
        <translation>целое число</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="55"/>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="58"/>
        <source>{0} from {1} to {2}</source>
        <translation>{0} от {1} до {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="60"/>
        <source>{0} ≥ {1}</source>
        <translation>{0} не меньше {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="62"/>
        <source>{0} ≤ {1}</source>
        <translation>{0} не больше {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="187"/>
        <source>How many iterations run per second while playing</source>
        <translation>Сколько итераций в секунду выполняется при запуске</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="188"/>
        <location filename="../../desktop/panels/controls.py" line="189"/>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="191"/>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="190"/>
        <location filename="../../desktop/panels/controls.py" line="192"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="193"/>
        <source>Drag back to see the network as it was at an earlier iteration, and forward again; Play continues from where you stop.</source>
        <translation>Потяните назад, чтобы увидеть сеть на более ранней итерации, и снова вперёд; «Пуск» продолжит с того места, где вы остановились.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="216"/>
        <source>Allowed: {0}</source>
        <translation>Допустимо: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="217"/>
        <source>Takes effect at the next iteration.</source>
        <translation>Действует со следующей итерации.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="218"/>
        <location filename="../../desktop/panels/controls.py" line="245"/>
        <source>Takes effect when you reset (Ctrl+R).</source>
        <translation>Действует после сброса (Ctrl+R).</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="242"/>
        <source>The seed of the random numbers: the starting weights (and the dropout masks) come from it. The book&apos;s seed is {0}; another seed shows how much a result depends on where the weights start.</source>
        <translation>Seed случайных чисел: из него получаются начальные веса (и маски прореживания). В книге seed = {0}; другой seed показывает, насколько результат зависит от того, откуда начинают веса.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="253"/>
        <location filename="../../desktop/panels/controls.py" line="254"/>
        <source>New seed</source>
        <translation>Новый seed</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="254"/>
        <source>Pick another seed at random; reset (Ctrl+R) to start from it</source>
        <translation>Выбрать другой seed наугад; сбросьте (Ctrl+R), чтобы начать с него</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="263"/>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="277"/>
        <source>Not accepted: the seed must be a whole number from 0 to {0}.</source>
        <translation>Не принято: seed должен быть целым числом от 0 до {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="286"/>
        <source>seed = {0} takes effect when you reset (Ctrl+R).</source>
        <translation>seed = {0} вступит в силу при сбросе (Ctrl+R).</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="318"/>
        <source>{0} must be {1} (got {2})</source>
        <translation>для {0} ожидается {1} (введено {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="319"/>
        <source>Not accepted: {0}. The run goes on with {1} = {2}.</source>
        <translation>Не принято: {0}. Прогон продолжается с {1} = {2}.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="328"/>
        <source>Not accepted: {0}</source>
        <translation>Не принято: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="334"/>
        <source>{0} = {1} from the next iteration.</source>
        <translation>{0} = {1} со следующей итерации.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="337"/>
        <source>{0} = {1} takes effect when you reset (Ctrl+R).</source>
        <translation>{0} = {1} вступит в силу после сброса (Ctrl+R).</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="410"/>
        <source>(rewound: the run reached iteration {0})</source>
        <translation>(назад во времени: прогон дошёл до итерации {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="412"/>
        <source>seed {0}</source>
        <translation>seed {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="446"/>
        <source>max</source>
        <translation>макс.</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/controls.py" line="446"/>
        <source>{0}/s</source>
        <translation>{0}/с</translation>
    </message>
</context>
<context>
    <name>Counting</name>
    <message>
        <location filename="../../desktop/counting.py" line="39"/>
        <source>after predict</source>
        <translation>после прогноза</translation>
    </message>
    <message>
        <location filename="../../desktop/counting.py" line="40"/>
        <source>after compare</source>
        <translation>после сравнения</translation>
    </message>
    <message>
        <location filename="../../desktop/counting.py" line="41"/>
        <source>after learn</source>
        <translation>после обучения</translation>
    </message>
    <message>
        <location filename="../../desktop/counting.py" line="48"/>
        <source>No iteration yet</source>
        <translation>Итераций ещё не было</translation>
    </message>
    <message>
        <location filename="../../desktop/counting.py" line="49"/>
        <source>Iteration {0}</source>
        <translation>Итерация {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/counting.py" line="52"/>
        <source>epoch {0}</source>
        <translation>эпоха {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/counting.py" line="60"/>
        <source>{0} of {1} done</source>
        <translation>выполнено {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/counting.py" line="61"/>
        <source>{0} done</source>
        <translation>выполнено {0}</translation>
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
        <location filename="../../desktop/titles.py" line="270"/>
        <source>MNIST handwritten digits</source>
        <translation>Рукописные цифры MNIST</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="271"/>
        <source>70,000 images of handwritten digits, 28 × 28 pixels: 60,000 to train and 10,000 to test. Chapters 8–10 train on the first 1,000 training images.</source>
        <translation>70 000 изображений рукописных цифр, 28 × 28 пикселей: 60 000 для обучения и 10 000 для проверки. Главы 8–10 обучают сеть на первых 1000 обучающих изображениях.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="272"/>
        <source>IMDB movie reviews</source>
        <translation>Отзывы о фильмах IMDB</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="273"/>
        <source>25,000 movie reviews labelled positive or negative (the Large Movie Review Dataset). The archive is unpacked into the book&apos;s reviews.txt and labels.txt.</source>
        <translation>25 000 отзывов о фильмах с пометкой «положительный» или «отрицательный» (Large Movie Review Dataset). Архив распаковывается в файлы книги reviews.txt и labels.txt.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="274"/>
        <source>The book&apos;s Shakespeare-like text</source>
        <translation>Текст книги в духе Шекспира</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="275"/>
        <source>The 99,993-character file chapter 14 trains its character models on: machine-generated text in the style of Shakespeare&apos;s plays.</source>
        <translation>Файл из 99 993 символов, на котором глава 14 обучает посимвольные модели: машинный текст в стиле пьес Шекспира.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="276"/>
        <source>Tiny Shakespeare</source>
        <translation>Tiny Shakespeare</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="277"/>
        <source>1.1 million characters of Shakespeare&apos;s plays, an extra corpus for the character models.</source>
        <translation>1,1 миллиона символов из пьес Шекспира — дополнительный корпус для посимвольных моделей.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="278"/>
        <source>bAbI tasks, v1.1</source>
        <translation>Задачи bAbI, v1.1</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="279"/>
        <source>Short stories with questions (Facebook Research). Chapters 12 and 13 read the first 1,000 lines of task 1; only task 1 is kept from the archive.</source>
        <translation>Короткие истории с вопросами (Facebook Research). Главы 12 и 13 читают первые 1000 строк задачи 1; из архива сохраняется только задача 1.</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="280"/>
        <source>Enron-Spam, set 1</source>
        <translation>Enron-Spam, набор 1</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="281"/>
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
        <location filename="../../desktop/views/network/diagram/__init__.py" line="29"/>
        <location filename="../../desktop/views/network/diagram/panel.py" line="165"/>
        <source>Network diagram</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Схема сети</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="155"/>
        <source>Full</source>
        <translation>Полная</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="155"/>
        <source>Every unit a circle and every weight a line, as in chapters 3–6; click a line to edit its weight, right-click to freeze it</source>
        <translation>Каждый нейрон — круг, каждый вес — линия, как в главах 3–6; щелчок по линии — изменить вес, правый щелчок — заморозить</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="157"/>
        <source>Blocks</source>
        <translation>Блоки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="157"/>
        <source>Each layer a vector (a strip of cells) and each weight matrix a block with its shape: the LEGO pieces of chapter 7</source>
        <translation>Каждый слой — вектор (полоска клеток), каждая матрица весов — блок с её размерами: детали LEGO из главы 7</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="159"/>
        <source>Letters</source>
        <translation>Буквы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="159"/>
        <source>The same network in letters, l0 —W0→ l1, with the formulas and the code&apos;s names (layer_0, weights_0_1)</source>
        <translation>Та же сеть буквами, l0 —W0→ l1, с формулами и именами из кода (layer_0, weights_0_1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="188"/>
        <source>{0} ({1} units)</source>
        <translation>{0} (нейронов: {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="190"/>
        <source>Network: {0}. {1}.</source>
        <translation>Сеть: {0}. {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="192"/>
        <source>Error {0}.</source>
        <translation>Ошибка {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="241"/>
        <source>This experiment has no network diagram; its own views show it</source>
        <translation>У этого эксперимента нет схемы сети; его показывают собственные виды</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="295"/>
        <source>input</source>
        <translation>вход</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="297"/>
        <source>output</source>
        <translation>выход</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="299"/>
        <source>hidden</source>
        <translation>скрытый</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="329"/>
        <source>before the first iteration: the weights it will predict with</source>
        <translation>до первой итерации: веса, с которыми она сделает прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="332"/>
        <source>{0} · after learn
label a → b: the weight used → the weight after learn</source>
        <translation>{0} · после обучения
подпись a → b: вес, с которым сделан прогноз → вес после обучения</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="334"/>
        <source>{0} · after learn
its prediction came from the weights before; the weights shown are after learn</source>
        <translation>{0} · после обучения
прогноз сделан с прежними весами; показаны веса после обучения</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="337"/>
        <source>{0}: the weights are not updated yet</source>
        <translation>{0}: веса ещё не обновлены</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="374"/>
        <source>off: relu gave 0, so nothing flows on from this unit and its incoming weights do not learn from this example</source>
        <translation>выключен: relu дал 0, поэтому от этого нейрона дальше ничего не идёт, а его входящие веса не учатся на этом примере</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="385"/>
        <source>goal for {0} = {1}</source>
        <translation>цель для {0} = {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="399"/>
        <source>(after learn)</source>
        <translation>(после обучения)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="399"/>
        <source>used for the prediction: {0}</source>
        <translation>в прогнозе использован: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="401"/>
        <source>last weight_delta = {0}</source>
        <translation>последний weight_delta = {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="403"/>
        <source>input that drove it: {0} = {1}</source>
        <translation>вход, который его вызвал: {0} = {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="407"/>
        <source>frozen: it does not learn</source>
        <translation>заморожен: не обучается</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="432"/>
        <source>“{0}” is not a number: type a weight like 0.25 or −1.5</source>
        <translation>«{0}» — не число: введите вес, например 0.25 или −1.5</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="438"/>
        <source>{0} set to {1}: the run continues from it</source>
        <translation>{0} = {1}: прогон продолжится с этого значения</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="454"/>
        <source>Edit weight…</source>
        <translation>Изменить вес…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="458"/>
        <source>Unfreeze this weight</source>
        <translation>Разморозить этот вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="458"/>
        <source>Freeze this weight</source>
        <translation>Заморозить этот вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="462"/>
        <source>This experiment cannot freeze weights</source>
        <translation>В этом эксперименте веса замораживать нельзя</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="473"/>
        <source>{0}[{1}, {2}] is frozen: it will not change</source>
        <translation>{0}[{1}, {2}] заморожен: он не будет меняться</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="474"/>
        <source>{0}[{1}, {2}] learns again</source>
        <translation>{0}[{1}, {2}] снова обучается</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="519"/>
        <source>Click a layer or a matrix to follow it across the three pictures</source>
        <translation>Щелчок по слою или матрице выделит их на всех трёх картинах</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="524"/>
        <source>l{0} = {1}: {2}, {3} units</source>
        <translation>l{0} = {1}: {2}, нейронов: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/panel.py" line="529"/>
        <source>W{0} = {1}: {2}×{3}, from l{4} to l{5}</source>
        <translation>W{0} = {1}: {2}×{3}, из l{4} в l{5}</translation>
    </message>
</context>
<context>
    <name>DigitsPanel</name>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="62"/>
        <source>Digit and prediction</source>
        <extracomment>Largest and smallest cell of the hidden strip, in pixels; crosses are drawn on cells at least CROSS_MIN wide. Narrower than this (the digit and the bars side by side need about 460 pixels) and at least TALL high, the output bars go under the digit. The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Цифра и прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="431"/>
        <source>image in batch</source>
        <extracomment>What is shown now (for tests and screen readers): the training iteration, its image and label.</extracomment>
        <translation>изображение в пакете</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="432"/>
        <source>A batch iteration predicts many images at once: choose which one to show</source>
        <translation>Итерация с пакетом даёт прогноз сразу для многих изображений: выберите, какое показать</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="433"/>
        <source>Input digit</source>
        <translation>Входная цифра</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="434"/>
        <source>Output of each digit</source>
        <translation>Выход для каждой цифры</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="435"/>
        <source>Hidden layer</source>
        <translation>Скрытый слой</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="436"/>
        <source>Test pass progress</source>
        <translation>Ход проверки на тестовой выборке</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="437"/>
        <source>Training image shown</source>
        <translation>Показанное обучающее изображение</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="440"/>
        <source>This experiment does not look at digits: the view shows the MNIST networks of chapters 8 to 10.</source>
        <translation>Этот эксперимент не работает с цифрами: панель показывает сети MNIST из глав 8–10.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="524"/>
        <source>batch {0} of {1} · images {2}–{3}</source>
        <translation>пакет {0} из {1} · изображения {2}–{3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="528"/>
        <source>example {0} of {1}</source>
        <translation>пример {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="530"/>
        <source>not predicted yet</source>
        <translation>прогноза ещё нет</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="530"/>
        <source>epoch {0}</source>
        <translation>эпоха {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="540"/>
        <source>testing {0} / {1}</source>
        <translation>проверка {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="588"/>
        <location filename="../../desktop/views/mnist/digits.py" line="596"/>
        <source>label {0}</source>
        <translation>метка {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="589"/>
        <source>digit {0}, not predicted yet</source>
        <translation>цифра {0}, прогноза ещё нет</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="590"/>
        <source>outputs: after the next prediction</source>
        <translation>выходы: после следующего прогноза</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="597"/>
        <source>predicted {0}</source>
        <translation>прогноз {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="599"/>
        <source>softmax probabilities of the ten digits</source>
        <translation>вероятности softmax для десяти цифр</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="600"/>
        <source>digit {0}, predicted {1} with probability {2}</source>
        <translation>цифра {0}, прогноз {1} с вероятностью {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="603"/>
        <source>outputs of the ten digits (linear: the goal is 1 for the label, 0 for the others)</source>
        <translation>выходы десяти цифр (линейные: цель — 1 для метки, 0 для остальных)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="605"/>
        <source>digit {0}, predicted {1} (output {2})</source>
        <translation>цифра {0}, прогноз {1} (выход {2})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="613"/>
        <source>hidden layer: {0} units, after the next prediction</source>
        <translation>скрытый слой: {0} нейронов, после следующего прогноза</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="625"/>
        <source>hidden layer: {0} {1} units; full colour = {2}</source>
        <translation>скрытый слой: {0} нейронов {1}; полный цвет = {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="627"/>
        <source>hidden layer: {0} {1} units after dropout; grey ✕ = dropped this step ({2} of {0}), kept units doubled; full colour = {3}</source>
        <translation>скрытый слой: {0} нейронов {1} после дропаута; серый ✕ — отброшен на этом шаге ({2} из {0}), оставшиеся удвоены; полный цвет = {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="631"/>
        <source>hidden layer: {0} {1} units after dropout; the mask is crossed out when paused or stepping; full colour = {2}</source>
        <translation>скрытый слой: {0} нейронов {1} после дропаута; маска видна крестиками на паузе и при пошаговом выполнении; полный цвет = {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="634"/>
        <source>(position by position, 16 kernels each: the Weights and kernels panel shows them as feature maps)</source>
        <translation>(позиция за позицией, по 16 ядер на каждую: панель «Веса и ядра» показывает их как карты признаков)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="639"/>
        <source>Strongest: unit {0} at {1}.</source>
        <translation>Сильнейший: нейрон {0}, {1}.</translation>
    </message>
</context>
<context>
    <name>EncryptedTexts</name>
    <message>
        <location filename="../../desktop/views/federated/encrypted/__init__.py" line="29"/>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="46"/>
        <source>Encrypted aggregation</source>
        <extracomment>What the learner does here that a lesson task may count. The smallest readable size: the switches and a few rows of blocks (the rest scrolls).</extracomment>
        <translation>Зашифрованное агрегирование</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="50"/>
        <source>The book&apos;s decryption (Q24)</source>
        <translation>Расшифровка из книги (Q24)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="51"/>
        <source>The book decrypts Sue&apos;s encrypted model instead of the encrypted sum and divides it by 3 (book_faithful; takes effect when you reset)</source>
        <translation>Книга расшифровывает зашифрованную модель Сью вместо зашифрованной суммы и делит её на 3 (book_faithful; действует после сброса)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="56"/>
        <source>encrypt every weight (the book)</source>
        <translation>шифровать каждый вес (как в книге)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="56"/>
        <source>encrypt only the changed weights</source>
        <translation>шифровать только изменённые веса</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="60"/>
        <source>Each client may encrypt only the weights its update changed: far fewer encryptions and the same decrypted sum, but the owner then sees which words each client changed (takes effect when you reset)</source>
        <translation>Каждый участник может шифровать только веса, которые изменило его обновление: шифрований гораздо меньше, расшифрованная сумма та же, но владелец тогда видит, какие слова изменил каждый участник (действует после сброса)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="66"/>
        <source>Takes effect when you reset (Ctrl+R)</source>
        <translation>Действует после сброса (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="71"/>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="80"/>
        <source>the encrypted sum: after the three models are encrypted</source>
        <translation>зашифрованная сумма: после того как три модели зашифрованы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="81"/>
        <source>not encrypted yet: at the end of the round</source>
        <translation>модель ещё не зашифрована: это будет в конце раунда</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="82"/>
        <source>{0} ciphertexts · {1}</source>
        <translation>шифротекстов: {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="89"/>
        <source>Enc(Bob) · Enc(Alice) · Enc(Sue) mod n² = Enc(Bob + Alice + Sue): added while encrypted</source>
        <translation>Enc(Боб) · Enc(Алиса) · Enc(Сью) mod n² = Enc(Боб + Алиса + Сью): сложены, оставаясь зашифрованными</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="94"/>
        <source>The owner decrypts only the sum, then ÷ 3: the average, and nothing of any one model</source>
        <translation>Владелец расшифровывает только сумму, затем ÷ 3: среднее — и ничего о какой-либо одной модели</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="95"/>
        <source>The book (Q24) decrypts Sue&apos;s model, not the sum, then ÷ 3: the sum is never used</source>
        <translation>Книга (Q24) расшифровывает модель Сью, а не сумму, затем ÷ 3: сумма не используется вовсе</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="100"/>
        <source>New weights: after the first aggregation</source>
        <translation>Новые веса: после первого агрегирования</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="102"/>
        <source>New weights (largest changes): {0}</source>
        <translation>Новые веса (наибольшие изменения): {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="106"/>
        <source>Key: {0} bits; a ciphertext (a number below n²) takes {1} bytes, a float 8 bytes: ×{2}</source>
        <translation>Ключ: {0} бит; шифротекст (число меньше n²) занимает {1} байт, число с плавающей точкой — 8 байт: ×{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="112"/>
        <source>Costs: after the first encrypted round</source>
        <translation>Затраты: после первого зашифрованного раунда</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="116"/>
        <source>Round {0}: {1} encryptions, {2} of ciphertexts sent (the models as floats: {3})</source>
        <translation>Раунд {0}: шифрований — {1}, отправлено шифротекстов на {2} (модели в числах с плавающей точкой: {3})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="119"/>
        <source>Seconds: key {0} · encrypt {1} · add {2} · decrypt {3} · {4} per encryption</source>
        <translation>Время: ключ {0} · шифрование {1} · сложение {2} · расшифровка {3} · {4} на одно шифрование</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="126"/>
        <source>Only the changed weights: {0} instead of {1} encryptions ({2} % fewer); the owner sees which words each client changed</source>
        <translation>Только изменённые веса: {0} шифрований вместо {1} (на {2} % меньше); владелец видит, какие слова изменил каждый участник</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="130"/>
        <source>Encrypting only the changed weights would need {0} instead of {1} encryptions ({2} % fewer), but would show the owner which words each client changed</source>
        <translation>Если шифровать только изменённые веса, понадобилось бы {0} шифрований вместо {1} (на {2} % меньше), но владелец увидел бы, какие слова изменил каждый участник</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="139"/>
        <source>the same weights, bit for bit</source>
        <translation>те же веса, бит в бит</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="139"/>
        <source>not the same weights</source>
        <translation>не те же веса</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="141"/>
        <source>Test accuracy after round {0}: {1}; plain averaging: {2} — {3}</source>
        <translation>Точность на тесте после раунда {0}: {1}; обычное усреднение: {2} — {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="143"/>
        <source>The book&apos;s Dec(Sue) ÷ 3 would score {0}: Sue&apos;s own model, since ÷ 3 flips no prediction (the sign of each e-mail&apos;s sum stays)</source>
        <translation>Книжное Dec(Сью) ÷ 3 дало бы {0}: это модель самой Сью, ведь ÷ 3 не меняет ни одного предсказания (знак суммы каждого письма сохраняется)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="152"/>
        <source>{0} encrypts the model</source>
        <translation>{0} шифрует модель</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="154"/>
        <source>making the key pair</source>
        <translation>создаётся пара ключей</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="154"/>
        <source>adding the encrypted models</source>
        <translation>сложение зашифрованных моделей</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="155"/>
        <source>decrypting</source>
        <translation>расшифровка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="155"/>
        <source>comparing with plain averaging</source>
        <translation>сравнение с обычным усреднением</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="158"/>
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {1} из {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/encrypted/texts.py" line="164"/>
        <source>This experiment aggregates nothing encrypted: the view shows ch15.paillier</source>
        <translation>Этот эксперимент ничего не агрегирует в зашифрованном виде: вид показывает ch15.paillier</translation>
    </message>
</context>
<context>
    <name>EpochProgress</name>
    <message>
        <location filename="../../desktop/epoch_progress.py" line="75"/>
        <source>{0} s</source>
        <translation>{0} с</translation>
    </message>
    <message>
        <location filename="../../desktop/epoch_progress.py" line="77"/>
        <source>{0} min {1:02d} s</source>
        <translation>{0} мин {1:02d} с</translation>
    </message>
    <message>
        <location filename="../../desktop/epoch_progress.py" line="78"/>
        <source>{0} h {1:02d} min</source>
        <translation>{0} ч {1:02d} мин</translation>
    </message>
    <message>
        <location filename="../../desktop/epoch_progress.py" line="85"/>
        <source>Epoch {0}: {1} of {2} batches done</source>
        <translation>Эпоха {0}: пройдено пакетов {1} из {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/epoch_progress.py" line="91"/>
        <source>{0} s a batch</source>
        <translation>{0} с на пакет</translation>
    </message>
    <message>
        <location filename="../../desktop/epoch_progress.py" line="93"/>
        <source>{0} s of computing a batch</source>
        <translation>{0} с вычислений на пакет</translation>
    </message>
    <message>
        <location filename="../../desktop/epoch_progress.py" line="96"/>
        <source>about {0} left</source>
        <translation>осталось около {0}</translation>
    </message>
</context>
<context>
    <name>ErrorPlotPanel</name>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="37"/>
        <source>Error and accuracy</source>
        <extracomment>The plot&apos;s views: per iteration, or per epoch (error, accuracy). The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Ошибка и точность</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="197"/>
        <source>Error plot</source>
        <translation>График ошибки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="198"/>
        <source>Log scale</source>
        <translation>Лог. шкала</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="199"/>
        <source>Show the error on a logarithmic axis: growth by the same factor looks like a straight line, and huge errors stay readable</source>
        <translation>Показывать ошибку на логарифмической оси: рост в одно и то же число раз выглядит прямой, а огромные ошибки остаются читаемыми</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="201"/>
        <source>Earlier runs</source>
        <translation>Прошлые прогоны</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="202"/>
        <source>Show earlier runs of this experiment as faint curves to compare</source>
        <translation>Показывать прошлые прогоны этого эксперимента бледными кривыми для сравнения</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="203"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="204"/>
        <source>Forget the earlier runs</source>
        <translation>Забыть прошлые прогоны</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="205"/>
        <source>This experiment only predicts: there is no error to plot yet.</source>
        <translation>Этот эксперимент только делает прогноз: ошибки для графика пока нет.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="220"/>
        <source>cross-entropy loss</source>
        <translation>перекрёстная энтропия</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="223"/>
        <source>{0}, summed over a batch of {1}</source>
        <translation>{0}, сумма по пакету из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="231"/>
        <source>Error per iteration</source>
        <translation>Ошибка по итерациям</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="231"/>
        <source>Loss per iteration</source>
        <translation>Потери по итерациям</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="233"/>
        <source>Loss per image, per epoch (train / test)</source>
        <translation>Потери на изображение по эпохам (обуч. / тест)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="234"/>
        <source>Error per epoch (train / test)</source>
        <translation>Ошибка по эпохам (обуч. / тест)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="236"/>
        <source>Accuracy per epoch (train / test)</source>
        <translation>Точность по эпохам (обуч. / тест)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="264"/>
        <source>testing {0}/{1}</source>
        <translation>проверка {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="380"/>
        <source>iteration</source>
        <translation>итерация</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="574"/>
        <source>the first epoch is not finished yet</source>
        <translation>первая эпоха ещё не закончена</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="220"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="388"/>
        <source>this run</source>
        <translation>этот прогон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="489"/>
        <source>Error plot: no iterations yet.</source>
        <translation>График ошибки: итераций ещё не было.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="492"/>
        <source>Error plot: {0} iterations; the error is not a finite number.</source>
        <translation>График ошибки: итераций {0}; ошибка — не конечное число.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="495"/>
        <source>steady</source>
        <translation>не меняется</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="497"/>
        <source>falling</source>
        <translation>падает</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="497"/>
        <source>rising</source>
        <translation>растёт</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="498"/>
        <source>Error plot: {0} iterations; first error {1}, last {2}, lowest {3}; recently {4}.</source>
        <translation>График ошибки: итераций {0}; первая ошибка {1}, последняя {2}, наименьшая {3}; в последнее время {4}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="507"/>
        <source>train (correct ÷ {0})</source>
        <translation>обучающая (верных ÷ {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="408"/>
        <source>earlier: {0}</source>
        <translation>прошлый: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="398"/>
        <source>{0}: {1} = {2}</source>
        <translation>{0}: {1} = {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="401"/>
        <source>{0} · {1} of iteration {2}: {3}</source>
        <translation>{0} · {1} итерации {2}: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="452"/>
        <source>No error yet: press Step (→) or Play (Space)</source>
        <translation>Ошибки ещё нет: нажмите «Шаг» (→) или «Пуск» (пробел)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="453"/>
        <source>No epoch finished yet: the curves start when the first one ends</source>
        <translation>Ни одна эпоха ещё не закончена: кривые начнутся, когда закончится первая</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="484"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="537"/>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="538"/>
        <source>epoch</source>
        <translation>эпоха</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="508"/>
        <source>train</source>
        <translation>обучающая</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="544"/>
        <source>test</source>
        <translation>тестовая</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="555"/>
        <source>best test accuracy {0} at epoch {1}</source>
        <translation>лучшая на тесте {0}, эпоха {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="567"/>
        <source>train {0}</source>
        <translation>обучающая {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="569"/>
        <source>test {0}</source>
        <translation>тестовая {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="570"/>
        <source>epoch {0}: {1}</source>
        <translation>эпоха {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/plots/error_plot.py" line="572"/>
        <source>best test accuracy at epoch {0}</source>
        <translation>лучшая точность на тесте — эпоха {0}</translation>
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
    <message>
        <location filename="../../desktop/titles.py" line="32"/>
        <source>Capturing word correlation in input data</source>
        <translation>Выявление корреляции слов во входных данных</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="33"/>
        <source>Predicting movie reviews; comparing word embeddings</source>
        <translation>Прогнозирование оценок фильмов; сравнение векторных представлений слов</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="34"/>
        <source>Filling in the blank</source>
        <translation>Заполнение пропусков</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="35"/>
        <source>King − man + woman ≈ queen</source>
        <translation>Король − мужчина + женщина ≈ королева</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="36"/>
        <source>The surprising power of averaged word vectors</source>
        <translation>Удивительная сила усреднённых векторов слов</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="37"/>
        <source>Matrices that change absolutely nothing; forward propagation in Python</source>
        <translation>Матрицы, которые ничего не меняют; прямое распространение на Python</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="38"/>
        <source>Let&apos;s train it: a recurrent next-word model on bAbI</source>
        <translation>Обучим её: рекуррентная модель следующего слова на bAbI</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="39"/>
        <source>Tensors and autograd, checked</source>
        <translation>Тензоры и автоматический градиент (autograd): проверки</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="40"/>
        <source>Previously we would train a model like this</source>
        <translation>Прежде мы обучали модель так</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="41"/>
        <source>The same network with autograd; automatic optimization</source>
        <translation>Та же сеть с autograd; автоматическая оптимизация</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="42"/>
        <source>Layers, layers that contain layers, loss-function layers</source>
        <translation>Слои, слои из слоёв и слои функций потерь</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="43"/>
        <source>Non-linearity layers</source>
        <translation>Нелинейные слои</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="44"/>
        <source>The embedding layer</source>
        <translation>Слой векторного представления (embedding)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="45"/>
        <source>The cross-entropy layer</source>
        <translation>Слой перекрёстной энтропии</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="46"/>
        <source>The recurrent layer, trained on bAbI</source>
        <translation>Рекуррентный слой, обученный на bAbI</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="47"/>
        <source>Vanishing and exploding gradients</source>
        <translation>Затухающие и взрывающиеся градиенты</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="48"/>
        <source>A character language model with an LSTM</source>
        <translation>Символьная языковая модель на LSTM</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="49"/>
        <source>The same task with a plain RNN</source>
        <translation>Та же задача с простой RNN</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="50"/>
        <source>Step 1: plain old deep learning (spam detection)</source>
        <translation>Шаг 1: старое доброе глубокое обучение (выявление спама)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="51"/>
        <source>Basic federated learning</source>
        <translation>Простое федеративное обучение</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="52"/>
        <source>Hacking federated learning</source>
        <translation>Взлом федеративной модели</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="53"/>
        <source>Secure aggregation and homomorphic encryption</source>
        <translation>Безопасное агрегирование и гомоморфное шифрование</translation>
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
    <name>ExportCommands</name>
    <message>
        <location filename="../../desktop/window_exports.py" line="22"/>
        <source>Export plot</source>
        <translation>Экспорт графика</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="34"/>
        <source>Export diagram</source>
        <translation>Экспорт диаграммы</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="45"/>
        <source>This page shows no view to export.</source>
        <translation>На этой странице нет вида для экспорта.</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="49"/>
        <source>Export view</source>
        <translation>Экспорт вида</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="62"/>
        <source>Export data</source>
        <translation>Экспорт данных</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="62"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="69"/>
        <source>Export animation</source>
        <translation>Экспорт анимации</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="70"/>
        <source>GIF animation (*.gif)</source>
        <translation>Анимация GIF (*.gif)</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="73"/>
        <source>Rendering the animation…</source>
        <translation>Создание анимации…</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="73"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="92"/>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="92"/>
        <source>Nothing was saved: {0}</source>
        <translation>Ничего не сохранено: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/window_exports.py" line="94"/>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
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
        <location filename="../../desktop/faults.py" line="272"/>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="290"/>
        <source>Details of the error</source>
        <translation>Подробности ошибки</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="292"/>
        <source>Copy details</source>
        <translation>Копировать подробности</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="294"/>
        <source>Copy what happened to the clipboard, to paste into a bug report</source>
        <translation>Скопировать описание ошибки в буфер обмена, чтобы вставить его в сообщение об ошибке</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="300"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="323"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;in {1}&lt;br&gt;&lt;br&gt;The run is paused. Your progress and settings are kept; you can go on working.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;в {1}&lt;br&gt;&lt;br&gt;Обучение приостановлено. Ваш прогресс и настройки сохранены; можно продолжать работу.</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="328"/>
        <source>This happened {0} times.</source>
        <translation>Это случилось {0} раз.</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="330"/>
        <source>{0} other errors since: {1}</source>
        <translation>Других ошибок с тех пор: {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="335"/>
        <source>The details were written to {0}</source>
        <translation>Подробности записаны в {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="337"/>
        <source>The log could not be written ({0}): copy the details instead.</source>
        <translation>Не удалось записать журнал ({0}): скопируйте подробности.</translation>
    </message>
    <message>
        <location filename="../../desktop/faults.py" line="343"/>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>Formulas</name>
    <message>
        <location filename="../../desktop/titles.py" line="125"/>
        <source>prediction = input · weight = {input} · {weight} = {prediction}</source>
        <translation>prediction = input · weight = {input} · {weight} = {prediction}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="126"/>
        <source>prediction = w_sum(input, weights) = {input} · {weights} = {prediction}</source>
        <translation>prediction = w_sum(input, weights) = {input} · {weights} = {prediction}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="127"/>
        <source>prediction = ele_mul(input, weights) = {input} × {weights} = {prediction}</source>
        <translation>prediction = ele_mul(input, weights) = {input} × {weights} = {prediction}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="128"/>
        <source>prediction = vect_mat_mul(input, weights) = {prediction}</source>
        <translation>prediction = vect_mat_mul(input, weights) = {prediction}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="129"/>
        <source>hid = vect_mat_mul(input, ih_wgt) = {hid}</source>
        <translation>hid = vect_mat_mul(input, ih_wgt) = {hid}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="130"/>
        <source>prediction = vect_mat_mul(hid, hp_wgt) = {prediction}</source>
        <translation>prediction = vect_mat_mul(hid, hp_wgt) = {prediction}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="131"/>
        <source>error = (prediction − goal)² = ({prediction} − {goal})² = {error}</source>
        <translation>error = (prediction − goal)² = ({prediction} − {goal})² = {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="132"/>
        <source>delta = prediction − goal = {prediction} − {goal} = {delta}</source>
        <translation>delta = prediction − goal = {prediction} − {goal} = {delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="133"/>
        <source>error = delta² = {error}</source>
        <translation>error = delta² = {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="134"/>
        <source>up_error = (input · (weight + step_amount) − goal)² = {up_error}</source>
        <translation>up_error = (input · (weight + step_amount) − goal)² = {up_error}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="135"/>
        <source>down_error = (input · (weight − step_amount) − goal)² = {down_error}</source>
        <translation>down_error = (input · (weight − step_amount) − goal)² = {down_error}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="136"/>
        <source>weight = weight ∓ step_amount toward the smaller error = {new_weight}</source>
        <translation>weight = weight ∓ step_amount в сторону меньшей ошибки = {new_weight}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="137"/>
        <source>weight_delta = delta · input = {delta} · {input} = {weight_delta}</source>
        <translation>weight_delta = delta · input = {delta} · {input} = {weight_delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="138"/>
        <source>weight = weight − alpha · weight_delta = {weight} − {alpha} · {weight_delta} = {new_weight}</source>
        <translation>weight = weight − alpha · weight_delta = {weight} − {alpha} · {weight_delta} = {new_weight}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="139"/>
        <source>weight_deltas = ele_mul(delta, input) = {delta} · {input} = {weight_deltas}</source>
        <translation>weight_deltas = ele_mul(delta, input) = {delta} · {input} = {weight_deltas}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="140"/>
        <source>weights = weights − alpha · weight_deltas = {weights} − {alpha} · {weight_deltas} = {new_weights}</source>
        <translation>weights = weights − alpha · weight_deltas = {weights} − {alpha} · {weight_deltas} = {new_weights}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="141"/>
        <source>delta = prediction − goals = {prediction} − {goals} = {delta}</source>
        <translation>delta = prediction − goals = {prediction} − {goals} = {delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="142"/>
        <source>weight_deltas = scalar_ele_mul(input, delta) = {input} × {delta} = {weight_deltas}</source>
        <translation>weight_deltas = scalar_ele_mul(input, delta) = {input} × {delta} = {weight_deltas}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="143"/>
        <source>weights = weights − weight_deltas · alpha = {weights} − {weight_deltas} · {alpha} = {new_weights}</source>
        <translation>weights = weights − weight_deltas · alpha = {weights} − {weight_deltas} · {alpha} = {new_weights}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="144"/>
        <source>weight_deltas = outer_prod(delta, input) = {weight_deltas}</source>
        <translation>weight_deltas = outer_prod(delta, input) = {weight_deltas}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="145"/>
        <source>weights = weights − alpha · weight_deltas = {new_weights}</source>
        <translation>weights = weights − alpha · weight_deltas = {new_weights}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="146"/>
        <source>weight_deltas = outer_prod(input, delta) = {weight_deltas}</source>
        <translation>weight_deltas = outer_prod(input, delta) = {weight_deltas}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="147"/>
        <source>prediction = input · weights = {input} · {weights} = {prediction}</source>
        <translation>prediction = input · weights = {input} · {weights} = {prediction}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="148"/>
        <source>delta = prediction − goal_prediction = {prediction} − {goal_prediction} = {delta}</source>
        <translation>delta = prediction − goal_prediction = {prediction} − {goal_prediction} = {delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="149"/>
        <source>error = (goal_prediction − prediction)² = {error}</source>
        <translation>error = (goal_prediction − prediction)² = {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="150"/>
        <source>weight_deltas = input ⊙ delta = {input} ⊙ {delta} = {weight_deltas}</source>
        <translation>weight_deltas = input ⊙ delta = {input} ⊙ {delta} = {weight_deltas}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="151"/>
        <source>applied_weight_deltas = mean(batch weight_deltas) = {applied_weight_deltas}</source>
        <translation>applied_weight_deltas = mean(batch weight_deltas) = {applied_weight_deltas}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="152"/>
        <source>weights = weights − alpha · applied_weight_deltas = {new_weights}</source>
        <translation>weights = weights − alpha · applied_weight_deltas = {new_weights}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="153"/>
        <source>layer_1 = relu(layer_0 · weights_0_1) = relu({layer_0} · weights_0_1) = {layer_1}</source>
        <translation>layer_1 = relu(layer_0 · weights_0_1) = relu({layer_0} · weights_0_1) = {layer_1}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="154"/>
        <source>layer_2 = layer_1 · weights_1_2 = {layer_1} · {weights_1_2}ᵀ = {layer_2}</source>
        <translation>layer_2 = layer_1 · weights_1_2 = {layer_1} · {weights_1_2}ᵀ = {layer_2}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="155"/>
        <source>layer_2_delta = layer_2 − goal = {layer_2} − {goal} = {layer_2_delta}</source>
        <translation>layer_2_delta = layer_2 − goal = {layer_2} − {goal} = {layer_2_delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="156"/>
        <source>error = Σ layer_2_delta² = {error}</source>
        <translation>error = Σ layer_2_delta² = {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="157"/>
        <source>layer_1_delta = (layer_2_delta · weights_1_2ᵀ) ⊙ relu2deriv(layer_1) = {layer_1_delta}</source>
        <translation>layer_1_delta = (layer_2_delta · weights_1_2ᵀ) ⊙ relu2deriv(layer_1) = {layer_1_delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="158"/>
        <source>weights_1_2 = weights_1_2 − alpha · layer_1ᵀ · layer_2_delta = {new_weights_1_2}ᵀ</source>
        <translation>weights_1_2 = weights_1_2 − alpha · layer_1ᵀ · layer_2_delta = {new_weights_1_2}ᵀ</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="159"/>
        <source>weights_0_1 = weights_0_1 − alpha · layer_0ᵀ · layer_1_delta = {new_weights_0_1}ᵀ</source>
        <translation>weights_0_1 = weights_0_1 − alpha · layer_0ᵀ · layer_1_delta = {new_weights_0_1}ᵀ</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="160"/>
        <source>layer_1 = relu(layer_0 · weights_0_1)</source>
        <translation>layer_1 = relu(layer_0 · weights_0_1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="161"/>
        <source>layer_2 = layer_1 · weights_1_2 = {layer_2}</source>
        <translation>layer_2 = layer_1 · weights_1_2 = {layer_2}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="162"/>
        <source>predicted_label = argmax(layer_2) = {predicted_label},  label = {label}</source>
        <translation>predicted_label = argmax(layer_2) = {predicted_label},  label = {label}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="163"/>
        <source>layer_2_delta = labels[i] − layer_2 = {layer_2_delta}</source>
        <translation>layer_2_delta = labels[i] − layer_2 = {layer_2_delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="164"/>
        <source>error = Σ (labels[i] − layer_2)² = {error},  correct = {correct}</source>
        <translation>error = Σ (labels[i] − layer_2)² = {error},  correct = {correct}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="165"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 &gt; 0)</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 &gt; 0)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="166"/>
        <source>weights_1_2 += alpha · layer_1ᵀ · layer_2_delta</source>
        <translation>weights_1_2 += alpha · layer_1ᵀ · layer_2_delta</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="167"/>
        <source>weights_0_1 += alpha · layer_0ᵀ · layer_1_delta   (alpha = {alpha})</source>
        <translation>weights_0_1 += alpha · layer_0ᵀ · layer_1_delta   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="168"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 ≥ 0)</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 ≥ 0)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="169"/>
        <source>layer_1 = relu(layer_0 · weights_0_1) ⊙ dropout_mask ⊙ 2</source>
        <translation>layer_1 = relu(layer_0 · weights_0_1) ⊙ dropout_mask ⊙ 2</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="170"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 &gt; 0) ⊙ dropout_mask ⊙ 2</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 &gt; 0) ⊙ dropout_mask ⊙ 2</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="171"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 ≥ 0) ⊙ dropout_mask</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 ≥ 0) ⊙ dropout_mask</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="172"/>
        <source>layer_0 = images[{batch_start} : {batch_start} + {images}]</source>
        <translation>layer_0 = images[{batch_start} : {batch_start} + {images}]</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="173"/>
        <source>layer_2 = layer_1 · weights_1_2</source>
        <translation>layer_2 = layer_1 · weights_1_2</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="174"/>
        <source>error = Σ_batch (labels − layer_2)² = {error},  correct = {correct}</source>
        <translation>error = Σ_batch (labels − layer_2)² = {error},  correct = {correct}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="175"/>
        <source>layer_2_delta = (labels − layer_2) / batch_size</source>
        <translation>layer_2_delta = (labels − layer_2) / batch_size</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="176"/>
        <source>updates per batch = {updates}</source>
        <translation>обновлений на пакет = {updates}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="177"/>
        <source>repeat {updates} times (once per image of the batch, the same layer_2_delta):</source>
        <translation>повторить {updates} раз (по разу на изображение пакета, с тем же layer_2_delta):</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="178"/>
        <source>  layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 ≥ 0) ⊙ dropout_mask</source>
        <translation>  layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (layer_1 ≥ 0) ⊙ dropout_mask</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="179"/>
        <source>  weights_1_2 += alpha · layer_1ᵀ · layer_2_delta</source>
        <translation>  weights_1_2 += alpha · layer_1ᵀ · layer_2_delta</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="180"/>
        <source>  weights_0_1 += alpha · layer_0ᵀ · layer_1_delta   (alpha = {alpha})</source>
        <translation>  weights_0_1 += alpha · layer_0ᵀ · layer_1_delta   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="181"/>
        <source>hidden = activation(layer_0 · weights_0_1)</source>
        <translation>hidden = activation(layer_0 · weights_0_1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="182"/>
        <source>layer_1 = hidden ⊙ dropout_mask ⊙ 2</source>
        <translation>layer_1 = hidden ⊙ dropout_mask ⊙ 2</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="183"/>
        <source>layer_2 = softmax(layer_1 · weights_1_2)</source>
        <translation>layer_2 = softmax(layer_1 · weights_1_2)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="184"/>
        <source>loss = −Σ_batch log layer_2[label] = {loss},  correct = {correct}</source>
        <translation>loss = −Σ_batch log layer_2[label] = {loss},  correct = {correct}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="185"/>
        <source>layer_2_delta = (labels − layer_2) / (batch_size · batch_size)</source>
        <translation>layer_2_delta = (labels − layer_2) / (batch_size · batch_size)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="186"/>
        <source>squared_error = Σ_batch (labels − layer_2)² = {squared_error}</source>
        <translation>squared_error = Σ_batch (labels − layer_2)² = {squared_error}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="187"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ activation′(hidden) ⊙ dropout_mask ⊙ 2</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ activation′(hidden) ⊙ dropout_mask ⊙ 2</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="188"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ activation′(layer_1) ⊙ dropout_mask</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ activation′(layer_1) ⊙ dropout_mask</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="189"/>
        <source>windows = layer_0[r : r+3, c : c+3] for r, c = 0 … 25</source>
        <translation>windows = layer_0[r : r+3, c : c+3] for r, c = 0 … 25</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="190"/>
        <source>kernel_output = windows · kernels</source>
        <translation>kernel_output = windows · kernels</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="191"/>
        <source>hidden = tanh(kernel_output)</source>
        <translation>hidden = tanh(kernel_output)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="192"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (1 − hidden²) ⊙ dropout_mask ⊙ 2</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (1 − hidden²) ⊙ dropout_mask ⊙ 2</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="193"/>
        <source>k_update = windowsᵀ · layer_1_delta;  kernels += alpha · k_update   (alpha = {alpha})</source>
        <translation>k_update = windowsᵀ · layer_1_delta;  kernels += alpha · k_update   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="194"/>
        <source>windows = layer_0[r : r+3, c : c+3] for r, c = 0 … 24</source>
        <translation>windows = layer_0[r : r+3, c : c+3] for r, c = 0 … 24</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="195"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (1 − layer_1²) ⊙ dropout_mask</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ (1 − layer_1²) ⊙ dropout_mask</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="196"/>
        <source>k_update = windowsᵀ · layer_1_delta;  kernels −= alpha · k_update   (alpha = {alpha})</source>
        <translation>k_update = windowsᵀ · layer_1_delta;  kernels −= alpha · k_update   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="197"/>
        <source>sent_encoding = Σ onehots[word] for the words of the sentence = {sent_encoding}</source>
        <translation>sent_encoding = Σ onehots[word] по словам предложения = {sent_encoding}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="198"/>
        <source>layer_1 = sigmoid(Σ weights_0_1[i] for the {words} words i of the review)</source>
        <translation>layer_1 = sigmoid(Σ weights_0_1[i] по {words} словам i отзыва)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="199"/>
        <source>layer_2 = sigmoid(layer_1 · weights_1_2) = {layer_2},  goal = {goal}</source>
        <translation>layer_2 = sigmoid(layer_1 · weights_1_2) = {layer_2},  goal = {goal}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="200"/>
        <source>layer_2_delta = layer_2 − goal = {layer_2_delta}</source>
        <translation>layer_2_delta = layer_2 − goal = {layer_2_delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="201"/>
        <source>error = layer_2_delta² = {error},  correct = |layer_2_delta| &lt; 0.5 = {correct}</source>
        <translation>error = layer_2_delta² = {error},  correct = |layer_2_delta| &lt; 0.5 = {correct}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="202"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ layer_1 ⊙ (1 − layer_1)</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2ᵀ ⊙ layer_1 ⊙ (1 − layer_1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="203"/>
        <source>weights_0_1[i] −= layer_1_delta · alpha   for the review&apos;s words only</source>
        <translation>weights_0_1[i] −= layer_1_delta · alpha   только для слов отзыва</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="204"/>
        <source>weights_1_2 −= outer(layer_1, layer_2_delta) · alpha   (alpha = {alpha})</source>
        <translation>weights_1_2 −= outer(layer_1, layer_2_delta) · alpha   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="205"/>
        <source>layer_1 = mean(weights_0_1[left_context + right_context])</source>
        <translation>layer_1 = mean(weights_0_1[left_context + right_context])</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="206"/>
        <source>layer_2 = sigmoid(layer_1 · weights_1_2[target_samples]ᵀ) = {layer_2}</source>
        <translation>layer_2 = sigmoid(layer_1 · weights_1_2[target_samples]ᵀ) = {layer_2}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="207"/>
        <source>layer_2_delta = layer_2 − layer_2_target = {layer_2_delta}</source>
        <translation>layer_2_delta = layer_2 − layer_2_target = {layer_2_delta}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="208"/>
        <source>layer_1_delta = layer_2_delta · weights_1_2[target_samples]</source>
        <translation>layer_1_delta = layer_2_delta · weights_1_2[target_samples]</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="209"/>
        <source>weights_0_1[left_context + right_context] −= layer_1_delta · alpha</source>
        <translation>weights_0_1[left_context + right_context] −= layer_1_delta · alpha</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="210"/>
        <source>weights_1_2[target_samples] −= outer(layer_2_delta, layer_1) · alpha   (alpha = {alpha})</source>
        <translation>weights_1_2[target_samples] −= outer(layer_2_delta, layer_1) · alpha   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="211"/>
        <source>hidden_0 = start;  hidden_k = hidden_{k−1} · recurrent + embed[word_{k−1}]</source>
        <translation>hidden_0 = start;  hidden_k = hidden_{k−1} · recurrent + embed[word_{k−1}]</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="212"/>
        <source>pred_k = softmax(hidden_{k−1} · decoder)   for the {words} words of line {line}</source>
        <translation>pred_k = softmax(hidden_{k−1} · decoder)   для {words} слов строки {line}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="213"/>
        <source>loss = Σ −ln pred_k[word_{k−1}] = {loss}</source>
        <translation>loss = Σ −ln pred_k[word_{k−1}] = {loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="214"/>
        <source>perplexity = exp(loss / {words}) = {perplexity}</source>
        <translation>perplexity = exp(loss / {words}) = {perplexity}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="215"/>
        <source>output_delta_k = pred_k − one_hot[word_{k−1}]</source>
        <translation>output_delta_k = pred_k − one_hot[word_{k−1}]</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="216"/>
        <source>hidden_delta_k = output_delta_{k+1} · decoderᵀ + hidden_delta_{k+1} · recurrentᵀ</source>
        <translation>hidden_delta_k = output_delta_{k+1} · decoderᵀ + hidden_delta_{k+1} · recurrentᵀ</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="217"/>
        <source>start, decoder, embed[words], recurrent −= gradients · alpha / {words}   (alpha = {alpha})</source>
        <translation>start, decoder, embed[words], recurrent −= gradients · alpha / {words}   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="218"/>
        <source>layer_1 = data · weights_0_1</source>
        <translation>layer_1 = data · weights_0_1</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="219"/>
        <source>diff = layer_2 − target = {diff}</source>
        <translation>diff = layer_2 − target = {diff}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="220"/>
        <source>loss = Σ diff² = {loss}</source>
        <translation>loss = Σ diff² = {loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="221"/>
        <source>weight_1_2_update = layer_1ᵀ · diff = {weight_1_2_update}</source>
        <translation>weight_1_2_update = layer_1ᵀ · diff = {weight_1_2_update}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="222"/>
        <source>weight_0_1_update = dataᵀ · (diff · weights_1_2ᵀ) = {weight_0_1_update}</source>
        <translation>weight_0_1_update = dataᵀ · (diff · weights_1_2ᵀ) = {weight_0_1_update}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="223"/>
        <source>weights −= update · alpha   (alpha = {alpha})</source>
        <translation>weights −= update · alpha   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="224"/>
        <source>pred = data · w0 · w1 = {pred}</source>
        <translation>pred = data · w0 · w1 = {pred}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="225"/>
        <source>loss = Σ (pred − target)² = {loss}</source>
        <translation>loss = Σ (pred − target)² = {loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="226"/>
        <source>w0.grad = {grad_0}</source>
        <translation>w0.grad = {grad_0}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="227"/>
        <source>w1.grad = {grad_1}</source>
        <translation>w1.grad = {grad_1}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="228"/>
        <source>w −= w.grad · alpha   (alpha = {alpha})</source>
        <translation>w −= w.grad · alpha   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="229"/>
        <source>pred = Linear(3, 1)(Linear(2, 3)(data)) = {pred}</source>
        <translation>pred = Linear(3, 1)(Linear(2, 3)(data)) = {pred}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="230"/>
        <source>loss = MSELoss(pred, target) = Σ (pred − target)² = {loss}</source>
        <translation>loss = MSELoss(pred, target) = Σ (pred − target)² = {loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="231"/>
        <source>loss.backward(ones); parameters[0].grad = {grad_0}</source>
        <translation>loss.backward(ones); parameters[0].grad = {grad_0}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="232"/>
        <source>p.data −= p.grad · alpha for every parameter   (alpha = {alpha})</source>
        <translation>p.data −= p.grad · alpha для каждого параметра   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="233"/>
        <source>pred = Sigmoid(Linear(3, 1)(Tanh(Linear(2, 3)(data)))) = {pred}</source>
        <translation>pred = Sigmoid(Linear(3, 1)(Tanh(Linear(2, 3)(data)))) = {pred}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="234"/>
        <source>pred = Sigmoid(Linear(3, 1)(Tanh(Embedding(5, 3)(data)))) = {pred}</source>
        <translation>pred = Sigmoid(Linear(3, 1)(Tanh(Embedding(5, 3)(data)))) = {pred}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="235"/>
        <source>embedding.grad: each word&apos;s row adds the gradients of its uses = {grad_0}</source>
        <translation>embedding.grad: строка каждого слова суммирует градиенты всех его употреблений = {grad_0}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="236"/>
        <source>pred = Linear(3, 4)(Tanh(Embedding(3, 3)(data))) = {pred}</source>
        <translation>pred = Linear(3, 4)(Tanh(Embedding(3, 3)(data))) = {pred}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="237"/>
        <source>loss = mean over rows of −ln softmax(pred)[target] = {loss}</source>
        <translation>loss = среднее по строкам −ln softmax(pred)[target] = {loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="238"/>
        <source>softmax(pred)[target], mean over rows = {p_target}</source>
        <translation>softmax(pred)[target], среднее по строкам = {p_target}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="239"/>
        <source>pred.grad = softmax(pred) − one_hot(target)   (not divided by the rows)</source>
        <translation>pred.grad = softmax(pred) − one_hot(target)   (без деления на число строк)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="240"/>
        <source>hidden = activation(w_ih(embed(word_t)) + w_hh(hidden)), t = 0 … 4</source>
        <translation>hidden = activation(w_ih(embed(word_t)) + w_hh(hidden)), t = 0 … 4</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="241"/>
        <source>output = w_ho(hidden)</source>
        <translation>output = w_ho(hidden)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="242"/>
        <source>loss = mean over the batch of −ln softmax(output)[word_5] = {loss}</source>
        <translation>loss = среднее по пакету −ln softmax(output)[word_5] = {loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="243"/>
        <source>correct = {p_correct}</source>
        <translation>correct = {p_correct}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="244"/>
        <source>loss.backward(): through the 5 steps back to the embedding</source>
        <translation>loss.backward(): через 5 шагов назад до эмбеддинга</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="245"/>
        <source>step {step}:  a = sigmoid(a · W) = {sigmoid_activation}</source>
        <translation>step {step}:  a = sigmoid(a · W) = {sigmoid_activation}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="246"/>
        <source>x = relu(x · W) = {relu_activation}</source>
        <translation>x = relu(x · W) = {relu_activation}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="247"/>
        <source>back {step}:  g = (a ⊙ (1 − a) ⊙ g) · Wᵀ = {sigmoid_gradient}</source>
        <translation>back {step}:  g = (a ⊙ (1 − a) ⊙ g) · Wᵀ = {sigmoid_gradient}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="248"/>
        <source>g = ([x &gt; 0] ⊙ g) · Wᵀ = {relu_gradient}</source>
        <translation>g = ([x &gt; 0] ⊙ g) · Wᵀ = {relu_gradient}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="249"/>
        <source>t = {t}:  x = embed({input})</source>
        <translation>t = {t}:  x = embed({input})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="250"/>
        <source>f = σ(xf(x) + hf(h)),  i = σ(xi(x) + hi(h)),  o = σ(xo(x) + ho(h)),  g = tanh(xc(x) + hc(h))</source>
        <translation>f = σ(xf(x) + hf(h)),  i = σ(xi(x) + hi(h)),  o = σ(xo(x) + ho(h)),  g = tanh(xc(x) + hc(h))</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="251"/>
        <source>c = f ⊙ c + i ⊙ g,  h = o ⊙ tanh(c),  output = w_ho(h) → {prediction}</source>
        <translation>c = f ⊙ c + i ⊙ g,  h = o ⊙ tanh(c),  output = w_ho(h) → {prediction}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="252"/>
        <source>loss[t] = cross_entropy(output, {target}) = {step_loss}</source>
        <translation>loss[t] = cross_entropy(output, {target}) = {step_loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="253"/>
        <source>batch_loss = loss[0] + … + loss[t] = {batch_loss}</source>
        <translation>batch_loss = loss[0] + … + loss[t] = {batch_loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="254"/>
        <source>batch_loss.backward()  (reached h[{t}])</source>
        <translation>batch_loss.backward()  (дошёл до h[{t}])</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="255"/>
        <source>W ← W − alpha · ∂batch_loss/∂W  (alpha = {alpha}, ‖∇‖ = {grad_norm})</source>
        <translation>W ← W − alpha · ∂batch_loss/∂W  (alpha = {alpha}, ‖∇‖ = {grad_norm})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="256"/>
        <source>Loss = exp(mean of batch_loss / bptt) = {perplexity}</source>
        <translation>Loss = exp(среднее batch_loss / bptt) = {perplexity}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="257"/>
        <source>h = σ(w_ih(x) + w_hh(h)),  output = w_ho(h) → {prediction}</source>
        <translation>h = σ(w_ih(x) + w_hh(h)),  output = w_ho(h) → {prediction}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="258"/>
        <source>pred = sigmoid(Σ weights[words of each e-mail])   ({emails} e-mails, {predicted_spam} predicted spam, {spam} spam)</source>
        <translation>pred = sigmoid(Σ weights[слова каждого письма])   (писем: {emails}, предсказано спама: {predicted_spam}, спама: {spam})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="259"/>
        <source>loss = Σ (pred − goal)² = {loss}</source>
        <translation>loss = Σ (pred − goal)² = {loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="260"/>
        <source>Loss = mean over the batches so far of loss / batch size = {printed_loss}</source>
        <translation>Loss = среднее по пройденным пакетам loss / размер пакета = {printed_loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="261"/>
        <source>weights[word] −= alpha · Σ 2·(pred − goal)·pred·(1 − pred)   (alpha = {alpha}; {changed} weights changed)</source>
        <translation>weights[word] −= alpha · Σ 2·(pred − goal)·pred·(1 − pred)   (alpha = {alpha}; изменено весов: {changed})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="262"/>
        <source>pred = sigmoid(Σ weights[words of Bob&apos;s e-mail]) = {pred}</source>
        <translation>pred = sigmoid(Σ weights[слова письма Боба]) = {pred}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="263"/>
        <source>loss = (pred − goal)² = {loss}</source>
        <translation>loss = (pred − goal)² = {loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="264"/>
        <source>Loss = loss / batch size = {printed_loss}</source>
        <translation>Loss = loss / размер пакета = {printed_loss}</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="265"/>
        <source>weights[word] −= alpha · 2·(pred − goal)·pred·(1 − pred)   (alpha = {alpha})</source>
        <translation>weights[word] −= alpha · 2·(pred − goal)·pred·(1 − pred)   (alpha = {alpha})</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="266"/>
        <source>changed weights → words: {changed}</source>
        <translation>изменённые веса → слова: {changed}</translation>
    </message>
</context>
<context>
    <name>FullPicture</name>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="66"/>
        <source>{0} pixels ({1}×{2})</source>
        <translation>{0} пикселей ({1}×{2})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="82"/>
        <source>⋮ {0} more</source>
        <translation>⋮ ещё {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="157"/>
        <source>positive weight</source>
        <translation>положительный вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="157"/>
        <source>negative weight</source>
        <translation>отрицательный вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="166"/>
        <source>thicker = larger |weight| · dashed with a lock = frozen</source>
        <translation>толще — больше |вес| · пунктир с замком — заморожен</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="168"/>
        <source>grey, dashed circle = off: relu gave 0</source>
        <translation>серый пунктирный круг — выключен: relu дал 0</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="186"/>
        <source>off</source>
        <translation>выкл</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="218"/>
        <source>goal {0}</source>
        <translation>цель {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="122"/>
        <location filename="../../desktop/views/network/diagram/full.py" line="220"/>
        <source>error {0}</source>
        <translation>ошибка {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="169"/>
        <source>hover for exact values · click a line to edit its weight</source>
        <translation>наведите указатель — точные значения · щелчок по линии — изменить вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="170"/>
        <source>right-click a line to freeze it</source>
        <translation>правый щелчок по линии — заморозить вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/full.py" line="234"/>
        <source>{0} weights of {1} into {2} (mean {3}); the “What the weights learn” panel draws them as an image</source>
        <translation>{0} весов {1}, входящих в {2} (среднее {3}); панель «Чему учатся веса» рисует их как изображение</translation>
    </message>
</context>
<context>
    <name>GradientMapPanel</name>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/__init__.py" line="24"/>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="129"/>
        <source>Gradients through time</source>
        <extracomment>The smallest readable size (width, height) in pixels: the controls in two rows, two small maps, two lines.</extracomment>
        <translation>Градиенты во времени</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="118"/>
        <source>every loss of the batch (training)</source>
        <extracomment>What the learner does here that a lesson task may count. Batches the &quot;run the other model&quot; button trains. While playing, a new probe at most this often (a probe costs about a batch&apos;s forward and backward pass).</extracomment>
        <translation>все ошибки пакета (обучение)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="119"/>
        <source>the last step&apos;s loss alone (probe)</source>
        <translation>ошибка одного последнего шага (проба)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="120"/>
        <source>Training: ‖∂loss/∂h_t‖ of the batch&apos;s summed loss, what SGD uses. Probe: the last step&apos;s loss back-propagated alone: how far one loss reaches back.</source>
        <translation>Обучение: ‖∂loss/∂h_t‖ суммарной ошибки пакета, которым пользуется SGD. Проба: обратно распространяется только ошибка последнего шага — как далеко назад доходит одна ошибка.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="122"/>
        <source>h: the hidden state; c: the LSTM&apos;s cell state</source>
        <translation>h — скрытое состояние; c — состояние ячейки LSTM</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="123"/>
        <source>What the maps show</source>
        <translation>Что показывают карты</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="124"/>
        <source>State whose gradient is shown</source>
        <translation>Состояние, градиент которого показан</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="125"/>
        <source>Clipping length</source>
        <translation>Длина обрезки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="126"/>
        <source>clip to</source>
        <translation>обрезать до</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="127"/>
        <source>Gradient clipping by norm: when the gradient of all weights is longer than this, it is scaled down to this length (the book has none)</source>
        <translation>Обрезка градиента по норме: если градиент всех весов длиннее этого значения, он уменьшается до этой длины (в книге обрезки нет)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="136"/>
        <source>Stop ({0} of {1})</source>
        <translation>Стоп ({0} из {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="138"/>
        <source>Train {0} batches of the {1}</source>
        <translation>Обучить {0} пакетов {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="139"/>
        <source>Train the other model here for a few batches, with the same size and text, to see its map beside this one (the run itself does not change)</source>
        <translation>Обучить здесь другую модель несколько пакетов, с тем же размером и текстом, чтобы увидеть её карту рядом с этой (сам прогон не меняется)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="157"/>
        <source>this run</source>
        <translation>этот прогон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="169"/>
        <source>earlier run</source>
        <translation>прежний прогон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="225"/>
        <source>{0} batches here</source>
        <translation>{0} пакетов здесь</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="319"/>
        <source>No {0} run in this session yet: open the {0} experiment, or press Train.</source>
        <translation>В этом сеансе ещё не было прогона {0}: откройте эксперимент {0} или нажмите «Обучить».</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="321"/>
        <source>This view shows chapter 14&apos;s character models.</source>
        <translation>Этот вид показывает символьные модели главы 14.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="327"/>
        <source>shade: {0} … 1 × the last step&apos;s gradient</source>
        <translation>оттенок: от {0} до 1 × градиент последнего шага</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="329"/>
        <source>No probe yet: step or play a batch (probes are taken while this is shown).</source>
        <translation>Проб ещё нет: сделайте шаг или проиграйте пакет (пробы снимаются, пока карта на экране).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="331"/>
        <source>shade: from {0} to {1}</source>
        <translation>оттенок: от {0} до {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="332"/>
        <source>No batch trained yet.</source>
        <translation>Ни один пакет ещё не обучен.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="342"/>
        <source>Batch {0}: ‖∇‖ = {1}; book_faithful: the book&apos;s backward (a hidden state passes on only the first gradient that reaches it), no clipping</source>
        <translation>Пакет {0}: ‖∇‖ = {1}; book_faithful: обратный проход из книги (скрытое состояние передаёт дальше только первый дошедший градиент), без обрезки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="346"/>
        <source>{0} of the last {1} batches clipped</source>
        <translation>обрезано {0} из последних {1} пакетов</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="348"/>
        <source>Batch {0}: ‖∇‖ = {1} → clipped to {2} · {3}</source>
        <translation>Пакет {0}: ‖∇‖ = {1} → обрезан до {2} · {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="352"/>
        <source>Batch {0}: ‖∇‖ = {1}, clipping off · {2}</source>
        <translation>Пакет {0}: ‖∇‖ = {1}, обрезка выключена · {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="354"/>
        <source>Batch {0}: ‖∇‖ = {1}, not clipped (limit {2}) · {3}</source>
        <translation>Пакет {0}: ‖∇‖ = {1}, не обрезан (предел {2}) · {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="360"/>
        <source>Each column is one batch; rows are the time steps t. Probe mode shows how far one loss reaches back.</source>
        <translation>Каждый столбец — один пакет; строки — шаги времени t. Режим пробы показывает, как далеко назад доходит одна ошибка.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="367"/>
        <source>{0}: ×{1} a step back</source>
        <translation>{0}: ×{1} за шаг назад</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="369"/>
        <source>One loss back through time: no probe yet.</source>
        <translation>Одна ошибка назад во времени: проб ещё нет.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="370"/>
        <source>One loss back through time: {0}</source>
        <translation>Одна ошибка назад во времени: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="374"/>
        <source>Gradients through time.</source>
        <translation>Градиенты во времени.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="378"/>
        <source>No {0} map.</source>
        <translation>Карты {0} нет.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/gradient_map/panel.py" line="380"/>
        <source>{0}: {1} batches, {2} probes.</source>
        <translation>{0}: пакетов {1}, проб {2}.</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../../desktop/views/graph/computation/__init__.py" line="34"/>
        <source>Computation graph</source>
        <extracomment>The smallest readable size (width, height) in pixels: two rows of buttons, a caption and a few boxes.</extracomment>
        <translation>Граф вычислений</translation>
    </message>
</context>
<context>
    <name>GraphTexts</name>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="25"/>
        <source>Computation graph</source>
        <extracomment>Arrays up to this size are read out (and shown in tooltips) number by number.</extracomment>
        <translation>Граф вычислений</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="29"/>
        <source>What the graph shows now</source>
        <translation>Что сейчас показывает граф</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="34"/>
        <source>Backward step</source>
        <translation>Шаг обратного прохода</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="35"/>
        <source>Send the gradients back one node at a time: a tensor passes its gradient on only when it has received one from every operation that used it (the badge counts them)</source>
        <translation>Отправлять градиенты назад по одному узлу: тензор передаёт свой градиент дальше, только когда получил его от каждой операции, которая его использовала (значок их считает)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="37"/>
        <source>Whole pass</source>
        <translation>Весь проход</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="37"/>
        <source>Finish the backward pass at once</source>
        <translation>Сразу завершить обратный проход</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="38"/>
        <source>Check gradients</source>
        <translation>Проверить градиенты</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="39"/>
        <source>Compare every gradient in the graph with a numerical one (finite differences) and colour each box by the relative error</source>
        <translation>Сравнить каждый градиент графа с численным (конечные разности) и окрасить каждый блок по относительной ошибке</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="41"/>
        <source>Break it</source>
        <translation>Сломать</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="42"/>
        <source>The naive Tensor of check 3: no child counting, so a tensor used twice keeps only the last gradient it receives; then check the gradients</source>
        <translation>Наивный тензор из проверки 3: без подсчёта потомков тензор, использованный дважды, оставляет себе только последний полученный градиент; затем проверка градиентов</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="44"/>
        <source>Collapse layers</source>
        <translation>Свернуть слои</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="45"/>
        <source>Draw each layer call as one box (double-click a box to collapse its layer or expand it)</source>
        <translation>Рисовать каждый вызов слоя одним блоком (двойной щелчок по блоку сворачивает его слой или раскрывает его)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="46"/>
        <source>Fit</source>
        <translation>Вписать</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="46"/>
        <source>Show the whole graph (wheel: zoom, drag: move, Ctrl+0: fit)</source>
        <translation>Показать весь граф (колесо — масштаб, перетаскивание — сдвиг, Ctrl+0 — вписать)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="52"/>
        <source>received {0} of {1}</source>
        <translation>получено {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="53"/>
        <source>not computed yet</source>
        <translation>ещё не вычислено</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="54"/>
        <source>no gradient yet</source>
        <translation>градиента пока нет</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="55"/>
        <source>upper row: data, lower row ∇: gradient; each tensor on its own scale</source>
        <translation>верхняя строка — данные, нижняя ∇ — градиент; у каждого тензора своя шкала</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="56"/>
        <source>gradient check: relative error against finite differences, agrees → wrong</source>
        <translation>проверка градиентов: относительная ошибка против конечных разностей, совпадает → неверно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="62"/>
        <source>This experiment does not run on the chapter-13 framework: it has no computation graph</source>
        <translation>Этот эксперимент не работает на фреймворке главы 13: графа вычислений у него нет</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="63"/>
        <source>Step the run (→, or Shift+→ phase by phase): the graph of the iteration appears here</source>
        <translation>Сделайте шаг (→ или Shift+→ по фазам): здесь появится граф итерации</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="67"/>
        <source>scalar</source>
        <translation>скаляр</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="71"/>
        <source>Expand {0}</source>
        <translation>Раскрыть {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="75"/>
        <source>Collapse {0}</source>
        <translation>Свернуть {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="79"/>
        <source>Expand every layer</source>
        <translation>Раскрыть все слои</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="83"/>
        <source>Show its code</source>
        <translation>Показать его код</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="91"/>
        <source>{0} = {1}(…): lines {2}–{3}</source>
        <translation>{0} = {1}(…): строки {2}–{3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="93"/>
        <source>{0} was made from data: no operation computed it</source>
        <translation>{0} создан из данных: его не вычисляла никакая операция</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="97"/>
        <source>its gradient: {0}</source>
        <translation>его градиент: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="99"/>
        <source>its gradient is the seed: ones</source>
        <translation>его градиент — начальный: единицы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="105"/>
        <source>{0}: the layer&apos;s forward, lines {1}–{2}</source>
        <translation>{0}: forward этого слоя, строки {1}–{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="112"/>
        <source>Naive Tensor (no child counting): </source>
        <translation>Наивный тензор (без подсчёта потомков): </translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="115"/>
        <source>Checking gradients against finite differences… {0} tensors done</source>
        <translation>Проверка градиентов конечными разностями… проверено тензоров: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="121"/>
        <source>Gradient check: all {0} gradients agree with finite differences (largest relative error {1})</source>
        <translation>Проверка градиентов: все градиенты ({0}) совпадают с конечными разностями (наибольшая относительная ошибка {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="124"/>
        <source>Gradient check: {0} of {1} gradients are wrong: {2} (click one to see its code)</source>
        <translation>Проверка градиентов: неверны {0} из {1}: {2} (щёлкните блок, чтобы увидеть его код)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="128"/>
        <source>Backward step {0} of {1}: {2} received {3} of {4} gradients</source>
        <translation>Шаг обратного прохода {0} из {1}: {2} получил градиентов: {3} из {4}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="131"/>
        <source> and passed it on without waiting for the rest</source>
        <translation> и передал дальше, не дождавшись остальных</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="133"/>
        <source> and passes their sum on</source>
        <translation> и передаёт их сумму дальше</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="135"/>
        <source> and passes it on</source>
        <translation> и передаёт его дальше</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="138"/>
        <source>Forward pass: {0} tensors, computed left to right</source>
        <translation>Прямой проход: тензоров — {0}, вычислены слева направо</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="140"/>
        <source>The loss: press Backward step to send the gradients back node by node</source>
        <translation>Ошибка вычислена: нажмите «Шаг обратного прохода», чтобы отправлять градиенты назад по узлам</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="142"/>
        <source>Without autograd the result does not remember how it was made: no graph to go back through</source>
        <translation>Без autograd результат не помнит, как он получен: назад идти не по чему</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="145"/>
        <source>Backward pass: {0} steps so far</source>
        <translation>Обратный проход: сделано шагов — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="146"/>
        <source>Backward pass done: every tensor has its gradient ({0} tensors)</source>
        <translation>Обратный проход завершён: у каждого тензора есть градиент (тензоров — {0})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="154"/>
        <source>{0} values from {1} to {2}</source>
        <translation>значений — {0}, от {1} до {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="161"/>
        <source>{0}: {1} tensors; its output {2}</source>
        <translation>{0}: тензоров — {1}; выход {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="164"/>
        <source>{0} ({1}), made from data</source>
        <translation>{0} ({1}), создан из данных</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="166"/>
        <source>{0} ({1}) = {2} of {3}</source>
        <translation>{0} ({1}) = {2} от {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="170"/>
        <source>data: {0}</source>
        <translation>данные: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="171"/>
        <source>data: not computed yet</source>
        <translation>данные: ещё не вычислены</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="173"/>
        <source>gradient: {0}</source>
        <translation>градиент: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="174"/>
        <source>gradient: not reached yet</source>
        <translation>градиент: обратный проход сюда ещё не дошёл</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="177"/>
        <source>gradients received: {0} of {1}</source>
        <translation>получено градиентов: {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="179"/>
        <source>the naive Tensor kept only the last one</source>
        <translation>наивный тензор оставил только последний</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="182"/>
        <source>wrong</source>
        <translation>неверно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="182"/>
        <source>agrees</source>
        <translation>совпадает</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="183"/>
        <source>gradient check: relative error {0} ({1})</source>
        <translation>проверка градиента: относительная ошибка {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="188"/>
        <source>Click: its code. Double-click: expand</source>
        <translation>Щелчок — его код. Двойной щелчок — раскрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="189"/>
        <source>Click: its code. Double-click: collapse its layer</source>
        <translation>Щелчок — его код. Двойной щелчок — свернуть его слой</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="196"/>
        <source>after the forward pass</source>
        <translation>после прямого прохода</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="196"/>
        <source>with the loss</source>
        <translation>с ошибкой</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="197"/>
        <source>after the backward pass</source>
        <translation>после обратного прохода</translation>
    </message>
    <message>
        <location filename="../../desktop/views/graph/computation/texts.py" line="198"/>
        <source>Computation graph of {0}, iteration {1}, {2}: {3} tensors in {4} boxes.</source>
        <translation>Граф вычислений {0}, итерация {1}, {2}: тензоров — {3}, блоков — {4}.</translation>
    </message>
</context>
<context>
    <name>GridItem</name>
    <message>
        <location filename="../../desktop/views/network/diagram/items.py" line="342"/>
        <source>off</source>
        <extracomment>(matrix index, matrix name, row, column) of the weight, rows = target units.</extracomment>
        <translation>выкл</translation>
    </message>
</context>
<context>
    <name>GroupedPicture</name>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="97"/>
        <source>{0} pixels ({1}×{2})</source>
        <translation>{0} пикселей ({1}×{2})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="105"/>
        <source>{0} units</source>
        <translation>нейронов: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="201"/>
        <source>computed without a weight matrix of its own (a convolution: see the kernels view)</source>
        <translation>вычисляется без своей матрицы весов (свёртка: см. вид «Веса и ядра»)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="220"/>
        <source>a cell = one unit or one weight:</source>
        <translation>клетка = один нейрон или один вес:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="221"/>
        <source>blue positive, orange negative, paler = smaller</source>
        <translation>синий — положительный, оранжевый — отрицательный, бледнее — меньше</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="222"/>
        <source>a band = every weight between two layers;</source>
        <translation>полоса = все веса между двумя слоями;</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="223"/>
        <source>a block shows each: a row per unit it leaves,</source>
        <translation>блок показывает каждый: строка — нейрон, откуда вес,</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="223"/>
        <source>a column per unit it reaches</source>
        <translation>столбец — нейрон, куда вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="224"/>
        <source>grey cell = off: relu gave 0</source>
        <translation>серая клетка = выключен: relu дал 0</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="254"/>
        <source>off</source>
        <translation>выкл</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="263"/>
        <source>{0}: {1}×{2} weights from {3} to {4}; from {5} to {6}, mean {7}</source>
        <translation>{0}: {1}×{2} весов от слоя «{3}» к слою «{4}»; от {5} до {6}, среднее {7}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="271"/>
        <source>goal {0}</source>
        <translation>цель {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/grouped.py" line="273"/>
        <source>error {0}</source>
        <translation>ошибка {0}</translation>
    </message>
</context>
<context>
    <name>HiddenStrip</name>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="269"/>
        <source>hidden unit {0}: {1}</source>
        <translation>скрытый нейрон {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="271"/>
        <source>(dropped by dropout this step)</source>
        <translation>(отброшен дропаутом на этом шаге)</translation>
    </message>
</context>
<context>
    <name>KernelsPanel</name>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="48"/>
        <source>Weights and kernels</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Веса и ядра</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="242"/>
        <source>One scale for all tiles</source>
        <translation>Одна шкала для всех плиток</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="243"/>
        <source>Off: each tile uses its own strongest weight as full colour, so every pattern shows. On: one scale, so tiles compare in strength</source>
        <translation>Выключено: у каждой плитки полный цвет — её собственный сильнейший вес, поэтому виден любой узор. Включено: одна шкала, и плитки можно сравнивать по силе</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="245"/>
        <source>Hidden units&apos; input weights</source>
        <translation>Входные веса скрытых нейронов</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="246"/>
        <source>Convolution kernels</source>
        <translation>Ядра свёртки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="247"/>
        <source>Feature maps</source>
        <translation>Карты признаков</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="368"/>
        <source>The 16 kernels (3×3), shared by every position of the image</source>
        <translation>16 ядер (3×3), общих для всех позиций изображения</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="248"/>
        <source>This network&apos;s hidden units do not look at an image.</source>
        <translation>Скрытые нейроны этой сети не смотрят на изображение.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="239"/>
        <source>Learned so far</source>
        <extracomment>The run&apos;s starting hidden weights (kernels in ch. 10), for &quot;learned so far&quot;; None if not seen.</extracomment>
        <translation>Что выучено</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="240"/>
        <source>Show each weight minus its random starting value: what the run has learned, which the random start hides early on</source>
        <translation>Показывать каждый вес за вычетом его случайного начального значения: то, что прогон уже выучил и что поначалу скрыто случайным стартом</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="258"/>
        <source>hidden unit {0}, weight from pixel ({1}, {2}): changed by {3} since the start</source>
        <translation>скрытый нейрон {0}, вес от пикселя ({1}, {2}): изменился на {3} с начала</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="260"/>
        <source>hidden unit {0}, weight from pixel ({1}, {2}): {3}</source>
        <translation>скрытый нейрон {0}, вес от пикселя ({1}, {2}): {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="264"/>
        <source>kernel {0}, row {1}, column {2}: changed by {3} since the start</source>
        <translation>ядро {0}, строка {1}, столбец {2}: изменилось на {3} с начала</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="266"/>
        <source>kernel {0}, row {1}, column {2}: {3}</source>
        <translation>ядро {0}, строка {1}, столбец {2}: {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="269"/>
        <source>kernel {0} at window ({1}, {2}): {3}</source>
        <translation>ядро {0} в окне ({1}, {2}): {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="270"/>
        <source>(dropped by dropout this step)</source>
        <translation>(отброшено дропаутом на этом шаге)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="353"/>
        <source>What each of the {0} hidden units has learned so far: its input weights minus their random start, as {1}×{2} images. Blue = grew, orange = shrank.</source>
        <translation>Что выучил каждый из {0} скрытых нейронов: его входные веса за вычетом случайного старта, как изображения {1}×{2}. Синий — выросли, оранжевый — уменьшились.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="357"/>
        <source>The input weights of each of the {0} hidden units, drawn as {1}×{2} images like the digits: blue = positive, orange = negative. Hover a pixel to read it.</source>
        <translation>Входные веса каждого из {0} скрытых нейронов, нарисованные как изображения {1}×{2}, подобно цифрам: синий — положительные, оранжевый — отрицательные. Наведите указатель на пиксель, чтобы прочитать значение.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="366"/>
        <source>The 16 kernels (3×3): what each has learned since its random start</source>
        <translation>16 ядер (3×3): что каждое выучило со случайного старта</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="369"/>
        <source>Convolution: 16 kernels of 3×3 slide over the image; each makes a feature map of where its pattern appears. Blue = positive, orange = negative.</source>
        <translation>Свёртка: 16 ядер 3×3 скользят по изображению; каждое строит карту признаков — где встречается его узор. Синий — положительные, оранжевый — отрицательные.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="375"/>
        <source>Feature maps: after the next prediction</source>
        <translation>Карты признаков: после следующего прогноза</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="387"/>
        <source>Feature maps ({0}×{0}) of the first image of the batch: tanh of each kernel at every window, after dropout (grey: dropped this step, kept values doubled)</source>
        <translation>Карты признаков ({0}×{0}) первого изображения пакета: tanh каждого ядра в каждом окне, после дропаута (серые отброшены на этом шаге, оставшиеся значения удвоены)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="390"/>
        <source>Feature maps ({0}×{0}) of the first image of the batch: tanh of each kernel at every window, after dropout (the dropped positions are greyed when paused)</source>
        <translation>Карты признаков ({0}×{0}) первого изображения пакета: tanh каждого ядра в каждом окне, после дропаута (на паузе отброшенные позиции серые)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="393"/>
        <source>Feature maps ({0}×{0}): tanh of each kernel at every window</source>
        <translation>Карты признаков ({0}×{0}): tanh каждого ядра в каждом окне</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/kernels.py" line="411"/>
        <source>Strongest weight {0} in tile {1}.</source>
        <translation>Сильнейший вес {0} — в плитке {1}.</translation>
    </message>
</context>
<context>
    <name>LabTexts</name>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/__init__.py" line="30"/>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="46"/>
        <source>Paillier lab</source>
        <extracomment>What the learner does here that a lesson task may count. The smallest readable size: the controls on two lines and a few lines of results (they scroll).
----------
The tables&apos; spacing (Qt&apos;s rich text puts cells edge to edge otherwise). Digits of a big number shown at each end when numbers are shortened.</extracomment>
        <translation>Лаборатория Пайе</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="51"/>
        <source>128 bits (the book: fast, insecure)</source>
        <translation>128 бит (как в книге: быстро, небезопасно)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="52"/>
        <source>{0} bits</source>
        <translation>{0} бит</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="56"/>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="56"/>
        <source>Encrypt, add, decrypt</source>
        <translation>Зашифровать, сложить, расшифровать</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="56"/>
        <source>New key</source>
        <translation>Новый ключ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="57"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="57"/>
        <source>All digits</source>
        <translation>Все цифры</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="61"/>
        <source>Encrypt a and b with the public key, multiply the ciphertexts (= add the numbers), decrypt the result with the private key; the key of this size is made first if there is none yet</source>
        <translation>Зашифровать a и b открытым ключом, перемножить шифротексты (= сложить числа), расшифровать результат закрытым ключом; если ключа такой длины ещё нет, сначала он создаётся</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="64"/>
        <source>Make a new key pair of this size, then encrypt, add and decrypt</source>
        <translation>Создать новую пару ключей этой длины, затем зашифровать, сложить и расшифровать</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="65"/>
        <source>Stop the computation (nothing of it is kept)</source>
        <translation>Остановить вычисление (ничего из него не сохраняется)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="66"/>
        <source>Write the big numbers out in full</source>
        <translation>Выписать большие числа полностью</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="67"/>
        <source>The first number (any decimal number)</source>
        <translation>Первое число (любое десятичное)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="68"/>
        <source>The second number</source>
        <translation>Второе число</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="72"/>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="73"/>
        <source>making the key: looking for two large primes…</source>
        <translation>создание ключа: поиск двух больших простых чисел…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="74"/>
        <source>encrypting a: r^n mod n²…</source>
        <translation>шифрование a: r^n mod n²…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="74"/>
        <source>encrypting b: r^n mod n²…</source>
        <translation>шифрование b: r^n mod n²…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="75"/>
        <source>adding: multiplying the ciphertexts…</source>
        <translation>сложение: умножение шифротекстов…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="76"/>
        <source>decrypting: c^λ mod n²…</source>
        <translation>расшифровка: c^λ mod n²…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="80"/>
        <source>{0} is not a number: type a decimal number such as 5, −0.25 or 1e-3</source>
        <translation>{0} — не число: введите десятичное число, например 5, −0.25 или 1e-3</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="84"/>
        <source>Exactly: {0}; {1}</source>
        <translation>Точно: {0}; {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="88"/>
        <source>Cancelled: nothing of that computation was kept</source>
        <translation>Отменено: от этого вычисления ничего не сохранено</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="92"/>
        <source>Refused: {0}</source>
        <translation>Отказ: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="96"/>
        <source>Dec(Enc(a) · Enc(b)) = {0} = a + b; {1} bits</source>
        <translation>Dec(Enc(a) · Enc(b)) = {0} = a + b; {1} бит</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="100"/>
        <source>Pick a key size, type two numbers and press “Encrypt, add, decrypt”: every number of the Paillier scheme and the time of each step appear here. The book uses 128 bits (fast and insecure); 1024 bits is the least for real use.</source>
        <translation>Выберите длину ключа, введите два числа и нажмите «Зашифровать, сложить, расшифровать»: здесь появятся все числа схемы Пайе и время каждого шага. В книге ключ 128 бит (быстро и небезопасно); для настоящего применения нужно не меньше 1024 бит.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="115"/>
        <source>made in {0}</source>
        <translation>создан за {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="116"/>
        <source>Key: {0} bits</source>
        <translation>Ключ: {0} бит</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="118"/>
        <source>{0} digits; public</source>
        <translation>цифр: {0}; открыто</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="119"/>
        <source>public</source>
        <translation>открыто</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="120"/>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="121"/>
        <source>private</source>
        <translation>закрыто</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="123"/>
        <source>Encrypt {0} = {1}</source>
        <translation>Шифрование {0} = {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="125"/>
        <source>exactly</source>
        <translation>точно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="125"/>
        <source>no digit lost</source>
        <translation>ни одна цифра не потеряна</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="126"/>
        <source>the mantissa (n + mantissa if negative)</source>
        <translation>мантисса (n + мантисса, если она отрицательна)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="127"/>
        <source>random, coprime to n: a new one for every encryption</source>
        <translation>случайное, взаимно простое с n: новое при каждом шифровании</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="129"/>
        <source>the slow part</source>
        <translation>медленная часть</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="131"/>
        <source>{0} bytes</source>
        <translation>{0} байт</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="132"/>
        <source>Add: multiply the ciphertexts</source>
        <translation>Сложение: перемножить шифротексты</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="132"/>
        <source>Decrypt the sum</source>
        <translation>Расшифровка суммы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="135"/>
        <source>exponent {0}</source>
        <translation>порядок {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="139"/>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="141"/>
        <source>a + b as floats</source>
        <translation>a + b в числах с плавающей точкой</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="142"/>
        <source>the same</source>
        <translation>то же самое</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="143"/>
        <source>differs: the decryption is the exact sum, rounded once</source>
        <translation>отличается: расшифровка — точная сумма, округлённая один раз</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="145"/>
        <source>Sizes</source>
        <translation>Размеры</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="147"/>
        <source>A ciphertext is a number below n²: {0} bytes, against {1} bytes for a float — ×{2} per weight. A model of 50,635 weights: {3} KB as floats, {4} KB encrypted.</source>
        <translation>Шифротекст — число меньше n²: {0} байт против {1} байт у числа с плавающей точкой — ×{2} на вес. Модель из 50 635 весов: {3} КБ в числах с плавающей точкой, {4} КБ в зашифрованном виде.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="160"/>
        <source>Key sizes compared (the last run of each)</source>
        <translation>Сравнение длин ключа (последний запуск каждой)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="160"/>
        <source>bits</source>
        <translation>бит</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="160"/>
        <source>encrypt one number</source>
        <translation>шифрование одного числа</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="161"/>
        <source>decrypt</source>
        <translation>расшифровка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="161"/>
        <source>bytes per weight</source>
        <translation>байт на вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="161"/>
        <source>× the {0}-bit time</source>
        <translation>× время при {0} битах</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="176"/>
        <source>{0}-bit key: Enc({1}) · Enc({2}) decrypts to {3}. Encrypting took {4} and {5}, adding {6}, decrypting {7}; a ciphertext takes {8} bytes against 8 for a float.</source>
        <translation>Ключ {0} бит: Enc({1}) · Enc({2}) расшифровывается в {3}. Шифрование заняло {4} и {5}, сложение {6}, расшифровка {7}; шифротекст занимает {8} байт против 8 у числа с плавающей точкой.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/paillier_lab/texts.py" line="184"/>
        <source>One encryption, by key size: {0}.</source>
        <translation>Одно шифрование по длинам ключа: {0}.</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="79"/>
        <source>Error landscape</source>
        <extracomment>The contour map costs a grid of error evaluations: repaint it less often. How many of the latest steps set the zoom; the last few of them are numbered. Experiments with more weights than this get no landscape (a contour of two among thousands says little). The error curve draws at most this many of the latest steps (each costs two error evaluations a frame). Errors beyond this are not drawn: the plot&apos;s own arithmetic overflows near the largest float. The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Рельеф ошибки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="245"/>
        <source>The weight along the horizontal axis; the others stay as they are now</source>
        <extracomment>Weight arrays seen after each completed iteration (or edit): (iteration, arrays, edited).</extracomment>
        <translation>Вес по горизонтальной оси; остальные остаются такими, как сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="246"/>
        <source>A second weight for a contour map of the error, or none for the error curve of one weight</source>
        <translation>Второй вес — для карты линий уровня ошибки; без него — кривая ошибки одного веса</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="283"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="248"/>
        <source>against</source>
        <translation>и</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="249"/>
        <source>Error landscape plot</source>
        <translation>График рельефа ошибки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="250"/>
        <source>This experiment has no error landscape to show.</source>
        <translation>У этого эксперимента нет рельефа ошибки для показа.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="272"/>
        <source>— none: the error curve of one weight</source>
        <translation>— нет: кривая ошибки одного веса</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="285"/>
        <source>Weight: {0}</source>
        <translation>Вес: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="418"/>
        <source>at the start</source>
        <translation>в начале</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="420"/>
        <source>used by iteration {0}</source>
        <translation>используется итерацией {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="421"/>
        <source>after iteration {0}</source>
        <translation>после итерации {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="545"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="546"/>
        <source>weight {0} → error {1} · {2}</source>
        <translation>вес {0} → ошибка {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="571"/>
        <source>each step lands further away on the other side: divergence</source>
        <translation>каждый шаг уводит всё дальше на другую сторону: расхождение</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="573"/>
        <source>each step overshoots the bottom, by less every time</source>
        <translation>каждый шаг проскакивает дно, но всё меньше</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="575"/>
        <source>each step moves part of the way down, never past the bottom</source>
        <translation>каждый шаг проходит часть пути вниз, не проскакивая дно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="577"/>
        <source>the steps go uphill</source>
        <translation>шаги идут в гору</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="578"/>
        <source>Each step multiplies the distance to the bottom by 1 − alpha·input² = {0}: {1}.</source>
        <translation>Каждый шаг умножает расстояние до дна на 1 − alpha·input² = {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="581"/>
        <source>Zoomed to the last {0} of {1} steps; older steps are faint.</source>
        <translation>Показаны последние {0} из {1} шагов; более ранние — бледнее.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="584"/>
        <source>The other weights stay as they are now: when they learn, this curve moves.</source>
        <translation>Остальные веса остаются такими, как сейчас: когда они учатся, кривая сдвигается.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="586"/>
        <location filename="../../desktop/views/network/landscape.py" line="647"/>
        <source>At this speed one drawn step covers up to {0} iterations.</source>
        <translation>На этой скорости один нарисованный шаг объединяет до {0} итераций.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="588"/>
        <source>▲ marks the bottom, at {0}.</source>
        <translation>▲ — дно, в точке {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="592"/>
        <source>Off the chart: the weight is now {0}, its error too large to draw. The chart shows the last steps that could still be drawn (up to weight {1}); lower alpha and reset.</source>
        <translation>За пределами графика: вес сейчас {0}, его ошибка слишком велика, чтобы её нарисовать. На графике — последние шаги, которые ещё можно нарисовать (до веса {1}); уменьшите alpha и сделайте сброс.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="643"/>
        <source>{0} = {1}, {2} = {3} → error {4} · {5}</source>
        <translation>{0} = {1}, {2} = {3} → ошибка {4} · {5}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="650"/>
        <source>The error does not change with these two weights here: they feed a unit that relu turned off, or an input that is 0. Pick other weights.</source>
        <translation>Здесь ошибка не зависит от этих двух весов: они ведут к нейрону, который relu выключил, или идут от входа, равного 0. Выберите другие веса.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="653"/>
        <source>Contours of the error over these two weights (darker = larger; lines at equal steps of √error); the other weights stay as they are now, so the map moves as they learn. Each dot is a step.</source>
        <translation>Линии уровня ошибки по этим двум весам (темнее — больше; линии через равные шаги √ошибки); остальные веса остаются такими, как сейчас, поэтому карта сдвигается, когда они учатся. Каждая точка — шаг.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/landscape.py" line="657"/>
        <source>Off the chart: a weight is no longer a finite number.</source>
        <translation>За пределами графика: вес больше не конечное число.</translation>
    </message>
</context>
<context>
    <name>LanguageViews</name>
    <message>
        <location filename="../../desktop/views/language/_common.py" line="150"/>
        <source>No word vectors yet.</source>
        <extracomment>Words pinned when a session starts (the words the book compares). Most words pinned at once (each is a column of the nearest-words panel and a label on the map).</extracomment>
        <translation>Векторов слов пока нет.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/_common.py" line="152"/>
        <source>Word vectors of this run after {0} iterations.</source>
        <translation>Векторы слов этого прогона после {0} итераций.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/_common.py" line="155"/>
        <source>Training {0} first: {1} % ({2} of {3} iterations); these are its word vectors as they are now.</source>
        <translation>Сначала обучается {0}: {1} % ({2} из {3} итераций); это его векторы слов в нынешнем виде.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/_common.py" line="159"/>
        <source>Word vectors of a finished {0} run of this session ({1} iterations).</source>
        <translation>Векторы слов завершённого прогона {0} в этом сеансе ({1} итераций).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/_common.py" line="161"/>
        <source>Word vectors of {0}, trained here first ({1} iterations).</source>
        <translation>Векторы слов {0}, сначала обученного здесь ({1} итераций).</translation>
    </message>
</context>
<context>
    <name>LayoutCommands</name>
    <message>
        <location filename="../../desktop/window_layout.py" line="71"/>
        <source>This view has nothing to show for this experiment.</source>
        <translation>Этому виду нечего показать в этом эксперименте.</translation>
    </message>
</context>
<context>
    <name>LeakTexts</name>
    <message>
        <location filename="../../desktop/views/federated/leaks/__init__.py" line="29"/>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="21"/>
        <source>Leak inspector</source>
        <extracomment>What the learner does here that a lesson task may count. The smallest readable size: the pickers, the summary, a column of words beside the e-mail.</extracomment>
        <translation>Инспектор утечек</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="25"/>
        <source>Update of</source>
        <translation>Обновление</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="29"/>
        <source>Find a word in the update…</source>
        <translation>Найти слово в обновлении…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="33"/>
        <source>largest change first</source>
        <translation>сначала наибольшие изменения</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="33"/>
        <source>vocabulary order (the book&apos;s)</source>
        <translation>порядок словаря (как в книге)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="37"/>
        <source>This experiment sends no updates to inspect: the inspector shows chapter 15&apos;s federated experiments</source>
        <translation>Этот эксперимент не отправляет обновлений: инспектор показывает федеративные эксперименты главы 15</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="43"/>
        <source>No average yet: it appears when the first round ends (Round ▶)</source>
        <translation>Среднего пока нет: оно появится в конце первого раунда («Раунд ▶»)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="44"/>
        <source>No update yet: step the run until {0} has trained</source>
        <translation>Обновления пока нет: делайте шаги, пока {0} не обучится</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="51"/>
        <source>Bob&apos;s update changed {0} weights: exactly the words of his e-mail, which anyone who sees the update can read off.</source>
        <translation>Обновление Боба изменило весов: {0} — ровно слова его письма, и любой, кто видит обновление, может их прочитать.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="54"/>
        <source>Not in the vocabulary (no weight, so they cannot leak): {0}.</source>
        <translation>Нет в словаре (нет веса, поэтому утечь не могут): {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="59"/>
        <source>The average changed {0} weights: the union of the three updates ({1}; {2} words in more than one). It still says which words were written, not who wrote them — and secure aggregation, which hides each update, hides who but not what.</source>
        <translation>Среднее изменило весов: {0} — объединение трёх обновлений ({1}; слов больше чем в одном: {2}). Оно по-прежнему говорит, какие слова были написаны, но не кем, — и безопасное агрегирование, которое прячет каждое обновление, скрывает «кто», но не «что».</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="63"/>
        <source>{0} update changed {1} weights. {0} {2} e-mails so far contain {3} distinct words: the update names every one of them</source>
        <translation>Обновление {0} изменило весов: {1}. В письмах {0} (пока их {2}) разных слов: {3}; обновление называет каждое из них</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="68"/>
        <source> but {0} (their gradients summed to exactly 0)</source>
        <translation>, кроме {0} (их градиенты в сумме дали ровно 0)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="69"/>
        <source>, and &lt;unk&gt;, the padding.</source>
        <translation>, а также &lt;unk&gt; — заполнитель.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="71"/>
        <source>Secure aggregation hides this update from the owner — unless each client encrypts only the weights it changed: their positions, these words, then show.</source>
        <translation>Безопасное агрегирование прячет это обновление от владельца — если только каждый участник не шифрует лишь изменённые веса: тогда видны их позиции, то есть эти слова.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="81"/>
        <source>“{0}” is not in the vocabulary: it has no weight, so no update can reveal it</source>
        <translation>«{0}» нет в словаре: у этого слова нет веса, и никакое обновление его не выдаст</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="83"/>
        <source>“{0}” is not in {1} update</source>
        <translation>«{0}» нет в обновлении {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="85"/>
        <source>“{0}” is in the average (change {1}): somebody wrote it</source>
        <translation>«{0}» есть в среднем (изменение {1}): кто-то это слово написал</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="86"/>
        <source>“{0}” is in {1} update (change {2}): it is in {3} of {1} e-mails</source>
        <translation>«{0}» есть в обновлении {1} (изменение {2}): это слово есть в {3} письмах {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="92"/>
        <source>No e-mail behind this update yet</source>
        <translation>За этим обновлением пока нет писем</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="93"/>
        <source>spam</source>
        <translation>спам</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="93"/>
        <source>ham</source>
        <translation>обычное</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="94"/>
        <source>E-mail {0} of {1} {2}</source>
        <translation>Письмо {0} из {1} {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="98"/>
        <source>The e-mail, its changed words marked</source>
        <translation>Письмо с отмеченными изменёнными словами</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="102"/>
        <source>Each word whose weight the update changed is marked, coloured by the change (blue: towards spam, orange: towards ham); struck-through words are not in the vocabulary</source>
        <translation>Каждое слово, чей вес изменило обновление, отмечено цветом изменения (синий — к спаму, оранжевый — к обычной почте); зачёркнутых слов нет в словаре</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="107"/>
        <source>{0}: weight changed by {1}</source>
        <translation>{0}: вес изменился на {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="111"/>
        <source>The previous e-mail behind the update</source>
        <translation>Предыдущее письмо за этим обновлением</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/leaks/texts.py" line="111"/>
        <source>The next e-mail behind the update</source>
        <translation>Следующее письмо за этим обновлением</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="173"/>
        <source>◀ Previous</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="174"/>
        <source>Previous page (Page Up)</source>
        <translation>Предыдущая страница (Page Up)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="175"/>
        <source>Next ▶</source>
        <translation>Далее ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="176"/>
        <source>Next page (Page Down)</source>
        <translation>Следующая страница (Page Down)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="177"/>
        <source>Try this:</source>
        <translation>Попробуйте:</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="178"/>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="179"/>
        <source>Lesson text</source>
        <translation>Текст урока</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="180"/>
        <source>Try this</source>
        <translation>Попробуйте</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="184"/>
        <source>{0} problem(s) in the lesson files; those pages are skipped. First: {1}: {2} (hover for all)</source>
        <translation>Ошибок в файлах уроков: {0}; эти страницы пропущены. Первая: {1}: {2} (наведите указатель, чтобы увидеть все)</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="204"/>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="299"/>
        <source>page {0} of {1}</source>
        <translation>страница {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="312"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/lesson.py" line="312"/>
        <source>Not done yet</source>
        <translation>Ещё не выполнено</translation>
    </message>
</context>
<context>
    <name>LettersPicture</name>
    <message>
        <location filename="../../desktop/views/network/diagram/letters.py" line="124"/>
        <source>{0}×{1} numbers</source>
        <translation>{0}×{1} чисел</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/letters.py" line="124"/>
        <source>max |w| {0}</source>
        <translation>макс. |w| {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/diagram/letters.py" line="136"/>
        <source>{0} of {1} off (relu = 0)</source>
        <translation>выключено {0} из {1} (relu = 0)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="162"/>
        <source>Your last run is back, at iteration {0}.</source>
        <translation>Ваш прошлый запуск восстановлен, итерация {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="277"/>
        <source>Chapter {0}</source>
        <translation>Глава {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="294"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="295"/>
        <source>&amp;Run</source>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="296"/>
        <source>E&amp;xperiment</source>
        <translation>&amp;Эксперимент</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="297"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="298"/>
        <source>&amp;Lesson</source>
        <translation>&amp;Урок</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="299"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="300"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="303"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="304"/>
        <source>Course</source>
        <translation>Курс</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="305"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="306"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="307"/>
        <source>&amp;About Grokking Lab</source>
        <translation>&amp;О программе Grokking Lab</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="308"/>
        <source>Controls</source>
        <translation>Управление</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="309"/>
        <source>Math of this iteration</source>
        <translation>Формулы этой итерации</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="310"/>
        <source>Show &amp;view</source>
        <translation>Показать &amp;вид</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="313"/>
        <source>Experiment: </source>
        <translation>Эксперимент: </translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="314"/>
        <source>Pick an experiment of the book, by chapter</source>
        <translation>Выберите эксперимент из книги, по главам</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="321"/>
        <source>Grokking Lab — chapter {0}: {1}</source>
        <translation>Grokking Lab — глава {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="361"/>
        <source>Not opened: {0} needs the {1} data set.</source>
        <translation>Не открыто: для «{0}» нужен набор данных «{1}».</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="371"/>
        <source>Data set</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="371"/>
        <source>The {0} data set cannot be used: {1}</source>
        <translation>Набор данных «{0}» нельзя использовать: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="397"/>
        <source>The Russian translation file is missing; staying in English.</source>
        <translation>Файл русского перевода не найден; интерфейс остаётся на английском.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="413"/>
        <source>✓ Done: {0}</source>
        <translation>✓ Выполнено: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="450"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="457"/>
        <source>&lt;p&gt;&lt;b&gt;Grokking Lab {0}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The networks of Andrew Trask&apos;s &lt;i&gt;Grokking Deep Learning&lt;/i&gt;, built from scratch in numpy, learning live.&lt;/p&gt;&lt;p&gt;Python {1}, Qt {2}, PySide {3}&lt;/p&gt;&lt;p&gt;If something goes wrong, the details are written to the log folder:&lt;br&gt;{4}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Grokking Lab {0}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Сети из книги Эндрю Траска &lt;i&gt;«Грокаем глубокое обучение»&lt;/i&gt;, написанные с нуля на numpy и обучающиеся у вас на глазах.&lt;/p&gt;&lt;p&gt;Python {1}, Qt {2}, PySide {3}&lt;/p&gt;&lt;p&gt;Если что-то пойдёт не так, подробности будут записаны в папку журнала:&lt;br&gt;{4}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="461"/>
        <source>About Grokking Lab</source>
        <translation>О программе Grokking Lab</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="494"/>
        <source>An error occurred ({0}); the run is paused. Details: {1}</source>
        <translation>Произошла ошибка ({0}); обучение приостановлено. Подробности: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="495"/>
        <source>{0}, {1} times</source>
        <translation>{0}, {1} раз</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="508"/>
        <source>The network diverged</source>
        <translation>Сеть разошлась</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="510"/>
        <source>Diverged at iteration {0}</source>
        <translation>Расхождение на итерации {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="514"/>
        <source>Done: the book&apos;s {0} iterations. Press Play to keep going.</source>
        <translation>Готово: все {0} итераций из книги. Нажмите «Пуск», чтобы продолжить.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="526"/>
        <source>Sample data</source>
        <translation>Данные-образец</translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message>
        <location filename="../../desktop/panels/math.py" line="142"/>
        <source>Predict</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/math.py" line="142"/>
        <source>Compare</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/math.py" line="143"/>
        <source>Learn</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <location filename="../../desktop/panels/math.py" line="242"/>
        <source>Press Step (→) or Phase step (Shift+→) to see the math of one iteration</source>
        <translation>Нажмите «Шаг» (→) или «Шаг по фазе» (Shift+→), чтобы увидеть формулы одной итерации</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="47"/>
        <source>Bob</source>
        <extracomment>The owners of data, in the order they train (learning/chapters/ch15_data.py CLIENTS).</extracomment>
        <translation>Боба</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="47"/>
        <source>Alice</source>
        <translation>Алисы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="47"/>
        <source>Sue</source>
        <translation>Сью</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="48"/>
        <source>Model owner</source>
        <translation>Владелец модели</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="48"/>
        <source>Average of the three</source>
        <translation>Среднее трёх</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="52"/>
        <source>Bob</source>
        <comment>genitive</comment>
        <translation>Боба</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="52"/>
        <source>Alice</source>
        <comment>genitive</comment>
        <translation>Алисы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="53"/>
        <source>Sue</source>
        <comment>genitive</comment>
        <translation>Сью</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="57"/>
        <source>Bob&apos;s</source>
        <translation>Боба</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="57"/>
        <source>Alice&apos;s</source>
        <translation>Алисы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="57"/>
        <source>Sue&apos;s</source>
        <translation>Сью</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="58"/>
        <source>the model owner&apos;s</source>
        <translation>владельца модели</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="58"/>
        <source>the average&apos;s</source>
        <translation>среднего</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="66"/>
        <source>E-mails: the Enron-Spam set 1, not the book&apos;s files; the numbers differ from the book&apos;s</source>
        <translation>Письма: набор Enron-Spam, часть 1, а не файлы книги; числа отличаются от книжных</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="67"/>
        <source>E-mails: the book&apos;s spam.txt and ham.txt</source>
        <translation>Письма: spam.txt и ham.txt из книги</translation>
    </message>
</context>
<context>
    <name>NearestView</name>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="49"/>
        <location filename="../../desktop/views/language/nearest.py" line="230"/>
        <source>Nearest words</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Ближайшие слова</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="220"/>
        <source>Euclidean (book)</source>
        <translation>Евклидово (книга)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="221"/>
        <source>The book&apos;s similar(): words ranked by the distance between their rows, nearest first (score = −distance).</source>
        <translation>similar() из книги: слова упорядочены по расстоянию между их строками, ближайшие первыми (оценка = −расстояние).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="223"/>
        <source>Cosine</source>
        <translation>Косинус</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="224"/>
        <source>Words ranked by the angle between their rows only (score = cosine, 1 for the same direction).</source>
        <translation>Слова упорядочены только по углу между их строками (оценка = косинус, 1 при одинаковом направлении).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="226"/>
        <source>pin a word…</source>
        <translation>закрепить слово…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="227"/>
        <source>Type a word and press Enter to follow its nearest words.</source>
        <translation>Введите слово и нажмите Enter, чтобы следить за его ближайшими словами.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="228"/>
        <source>Pin a word</source>
        <translation>Закрепить слово</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="229"/>
        <source>not in the vocabulary</source>
        <translation>нет в словаре</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="271"/>
        <source>This experiment has no word vectors.</source>
        <translation>У этого эксперимента нет векторов слов.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="322"/>
        <source>Euclidean distance</source>
        <translation>евклидову расстоянию</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="322"/>
        <source>cosine similarity</source>
        <translation>косинусному сходству</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="323"/>
        <source>Nearest words by {0}.</source>
        <translation>Ближайшие слова по {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="326"/>
        <source>{0}: not in the vocabulary.</source>
        <translation>{0}: нет в словаре.</translation>
    </message>
</context>
<context>
    <name>NeighbourGrid</name>
    <message>
        <location filename="../../desktop/views/language/nearest.py" line="154"/>
        <source>new</source>
        <translation>нов.</translation>
    </message>
</context>
<context>
    <name>OutputBars</name>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="192"/>
        <source>◀ predicted = true ✓</source>
        <translation>◀ прогноз верен ✓</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="192"/>
        <source>true ✓</source>
        <translation>верная ✓</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="194"/>
        <source>◀ predicted ✗</source>
        <translation>◀ прогноз ✗</translation>
    </message>
    <message>
        <location filename="../../desktop/views/mnist/digits.py" line="196"/>
        <source>true</source>
        <translation>верная</translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <location filename="../../desktop/titles.py" line="57"/>
        <source>the input: number of toes</source>
        <translation>входное значение: число пальцев на ногах</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="58"/>
        <source>the network&apos;s only weight</source>
        <translation>единственный вес сети</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="59"/>
        <source>accepted for every experiment; the book&apos;s code has no quirk here, so both modes compute the same</source>
        <translation>принимается любым экспериментом; здесь в коде книги нет особенностей, поэтому оба режима считают одно и то же</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="60"/>
        <source>average number of toes per player (game 1)</source>
        <translation>среднее число пальцев на ногах у игроков (игра 1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="61"/>
        <source>the team&apos;s win/loss record so far (game 1)</source>
        <translation>доля побед команды на данный момент (игра 1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="62"/>
        <source>number of fans in millions (game 1)</source>
        <translation>число болельщиков в миллионах (игра 1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="63"/>
        <source>weights of toes, wlrec, nfans</source>
        <translation>веса для toes, wlrec, nfans</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="64"/>
        <source>weights into hurt?, win?, sad?</source>
        <translation>веса, ведущие к hurt?, win?, sad?</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="65"/>
        <source>3x3 weights, row by row: rows hurt?, win?, sad?; columns toes, wlrec, nfans</source>
        <translation>веса 3×3 по строкам: строки hurt?, win?, sad?; столбцы toes, wlrec, nfans</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="66"/>
        <source>input -&gt; hidden weights, row by row (rows hid[0..2])</source>
        <translation>веса от входов к скрытому слою, по строкам (строки hid[0..2])</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="67"/>
        <source>hidden -&gt; prediction weights, row by row (rows hurt?, win?, sad?)</source>
        <translation>веса от скрытого слоя к прогнозу, по строкам (строки hurt?, win?, sad?)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="68"/>
        <source>the input value fed to the network</source>
        <translation>входное значение, подаваемое в сеть</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="69"/>
        <source>the prediction we want (goal_pred)</source>
        <translation>прогноз, который мы хотим получить (goal_pred)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="70"/>
        <source>the weight the run starts from</source>
        <translation>вес, с которого начинается прогон</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="71"/>
        <source>how far to try the weight up and down</source>
        <translation>на сколько пробовать увеличить и уменьшить вес</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="72"/>
        <source>how far the weight moves each iteration</source>
        <translation>на сколько вес сдвигается за одну итерацию</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="73"/>
        <source>learning rate: how much of weight_delta each step applies</source>
        <translation>скорость обучения: какую долю weight_delta применяет каждый шаг</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="74"/>
        <source>learning rate: how much of each weight_delta a step applies</source>
        <translation>скорость обучения: какую долю каждого weight_delta применяет шаг</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="75"/>
        <source>the prediction we want: 1 = the team won</source>
        <translation>прогноз, который мы хотим получить: 1 = команда выиграла</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="76"/>
        <source>initial weights of toes, wlrec, nfans</source>
        <translation>начальные веса для toes, wlrec, nfans</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="77"/>
        <source>goals of hurt?, win?, sad? (game 1)</source>
        <translation>цели для hurt?, win?, sad? (игра 1)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="78"/>
        <source>initial weights into hurt?, win?, sad?</source>
        <translation>начальные веса, ведущие к hurt?, win?, sad?</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="79"/>
        <source>initial 3x3 weights, row by row: rows hurt?, win?, sad?; columns toes, wlrec, nfans</source>
        <translation>начальные веса 3×3 по строкам: строки hurt?, win?, sad?; столбцы toes, wlrec, nfans</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="80"/>
        <source>reproduce the book&apos;s code, quirks included, instead of the correct algorithm</source>
        <translation>воспроизводить код книги со всеми его особенностями вместо правильного алгоритма</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="81"/>
        <source>which streetlights row to learn (0 = [1, 0, 1], stop)</source>
        <translation>какую строку светофоров выучить (0 = [1, 0, 1], стоять)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="82"/>
        <source>the goal of each streetlight pattern: 1 = walk, 0 = stop</source>
        <translation>цель для каждого образца светофора: 1 = идти, 0 = стоять</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="83"/>
        <source>initial weights of light 1, light 2, light 3</source>
        <translation>начальные веса огней 1, 2 и 3</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="84"/>
        <source>when the weights change: after every pattern (stochastic), after every batch_size patterns (batch) or once per pass over the six (full), by the mean of the weight_deltas</source>
        <translation>когда меняются веса: после каждого образца (stochastic), после каждых batch_size образцов (batch) или один раз за проход по всем шести (full), на среднее значение weight_delta</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="85"/>
        <source>patterns per update in batch gradient descent</source>
        <translation>образцов на одно обновление в пакетном градиентном спуске</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="86"/>
        <source>number of hidden ReLU units</source>
        <translation>число нейронов ReLU в скрытом слое</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="87"/>
        <source>learning rate: the fraction of each weight update applied</source>
        <translation>скорость обучения: какая доля каждого обновления веса применяется</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="88"/>
        <source>units in the hidden layer</source>
        <translation>число нейронов в скрытом слое</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="89"/>
        <source>test on the held-out images every N epochs, and after the book&apos;s last epoch (0: never)</source>
        <translation>проверять на тестовых изображениях каждые N эпох и после последней эпохи из книги (0: никогда)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="90"/>
        <source>held-out images each test pass uses, from the first (0: all of them); fewer test faster but measure less precisely</source>
        <translation>сколько отложенных изображений берёт каждая проверка, начиная с первого (0 — все); меньше — быстрее, но измерение менее точное</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="91"/>
        <source>learning rate applied once per batch to the batch&apos;s mean gradient (layer_2_delta is divided by batch_size): 0.1 takes about the step of the book&apos;s 100 updates at 0.001, which book_faithful uses; at 0.001 one mean update is 100 times smaller and the network barely learns</source>
        <translation>скорость обучения, применяемая раз за пакет к среднему градиенту пакета (layer_2_delta делится на batch_size): 0,1 даёт примерно тот же шаг, что 100 обновлений книги с 0,001, которые использует book_faithful; с 0,001 одно усреднённое обновление в 100 раз меньше, и сеть почти не учится</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="92"/>
        <source>images per batch: one iteration (and one update) per batch</source>
        <translation>изображений в пакете: одна итерация (и одно обновление) на пакет</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="93"/>
        <source>activation function of the hidden layer</source>
        <translation>функция активации скрытого слоя</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="94"/>
        <source>how kernel 0 starts: the book&apos;s random draw, or a hand-made detector of horizontal or vertical strokes (the draws are the same; only kernel 0 is replaced)</source>
        <translation>с чего начинается ядро 0: со случайных весов, как в книге, или с самодельного детектора горизонтальных или вертикальных штрихов (случайные числа те же; заменяется только ядро 0)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="95"/>
        <source>the sentence to encode, from the words cat, the, dog, sat</source>
        <translation>предложение для кодирования из слов cat, the, dog, sat</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="96"/>
        <source>units in the hidden layer (the embedding size)</source>
        <translation>число нейронов в скрытом слое (размер векторного представления слова)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="97"/>
        <source>context words on each side of the target (the book&apos;s right side has one fewer)</source>
        <translation>слов контекста с каждой стороны от целевого слова (в книге справа на одно меньше)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="98"/>
        <source>negative samples per target word</source>
        <translation>отрицательных примеров на одно целевое слово</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="99"/>
        <source>the analogies to answer: words joined by + and -, separated by semicolons</source>
        <translation>аналогии: слова, соединённые знаками + и -, через точку с запятой</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="100"/>
        <source>the words to look for reviews like</source>
        <translation>слова, на которые должны быть похожи найденные отзывы</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="101"/>
        <source>learning rate of the backpropagation step</source>
        <translation>скорость обучения на шаге обратного распространения</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="102"/>
        <source>learning rate (each update is also divided by the sentence&apos;s length)</source>
        <translation>скорость обучения (каждое обновление ещё делится на длину предложения)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="103"/>
        <source>units of the hidden vector (and of each word&apos;s embedding)</source>
        <translation>число нейронов скрытого вектора (и длина вектора каждого слова)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="104"/>
        <source>check 3 with child counting (the Tensor of check 4): b, used twice, then waits for both gradients and its gradient is right</source>
        <translation>проверка 3 с подсчётом потомков (тензор из проверки 4): b, использованный дважды, ждёт оба градиента, и его градиент верен</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="105"/>
        <source>learning rate of SGD: data ← data − alpha · grad</source>
        <translation>скорость обучения SGD: data ← data − alpha · grad</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="106"/>
        <source>the loss layer: the book&apos;s CrossEntropyLoss, or MSELoss against one-hot targets (to compare them)</source>
        <translation>слой функции потерь: CrossEntropyLoss из книги или MSELoss против целей one-hot (чтобы их сравнить)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="107"/>
        <source>activation of the recurrent cell (the book&apos;s cell is always a sigmoid: Q20)</source>
        <translation>функция активации рекуррентной ячейки (в книге ячейка всегда сигмоида: Q20)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="108"/>
        <source>the recurrent matrix W, row by row (w11, w12, w21, w22)</source>
        <translation>рекуррентная матрица W по строкам (w11, w12, w21, w22)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="109"/>
        <source>the vector whose sigmoid starts both chains: a = sigmoid(start)</source>
        <translation>вектор, сигмоида которого начинает обе цепочки: a = sigmoid(start)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="110"/>
        <source>time steps of each chain</source>
        <translation>шагов по времени в каждой цепочке</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="111"/>
        <source>learning rate; multiplied by 0.99 after every epoch, as in the book</source>
        <translation>скорость обучения; после каждой эпохи умножается на 0,99, как в книге</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="112"/>
        <source>model size: small = 32 units, laptop = 128 units (seconds per epoch), book = 512 units as in the book (minutes per epoch)</source>
        <translation>размер модели: small — 32 нейрона, laptop — 128 нейронов (секунды на эпоху), book — 512 нейронов, как в книге (минуты на эпоху)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="113"/>
        <source>the text: book = the book&apos;s 100,000-character file, tiny = tiny-shakespeare (1.1 million characters of the real plays)</source>
        <translation>текст: book — файл книги на 100 000 символов, tiny — tiny-shakespeare (1,1 миллиона символов настоящих пьес)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="114"/>
        <source>gradient clipping: scale the gradient of all weights down to this length when it is longer (0 = off; the book has none, so book_faithful runs ignore it)</source>
        <translation>ограничение градиента: если градиент всех весов длиннее этого числа, он укорачивается до этой длины (0 — выключено; в книге этого нет, поэтому в режиме book_faithful оно не действует)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="115"/>
        <source>the RNN cell&apos;s non-linearity (the book&apos;s cell ignores tanh and always uses sigmoid: quirk Q20)</source>
        <translation>нелинейность ячейки RNN (ячейка из книги игнорирует tanh и всегда использует сигмоиду: особенность Q20)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="116"/>
        <source>learning rate of SGD: weights −= alpha · gradient</source>
        <translation>скорость обучения SGD: веса −= alpha · градиент</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="117"/>
        <source>e-mails per batch: one SGD step per batch; a remainder is dropped</source>
        <translation>писем в пакете: один шаг SGD на пакет; остаток отбрасывается</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="118"/>
        <source>e-mails each client trains on: its first ones (0 = all of them, as in the book)</source>
        <translation>на скольких письмах учится каждый участник: на первых из своих (0 = на всех, как в книге)</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="119"/>
        <source>Bob&apos;s e-mail: words separated by spaces</source>
        <translation>письмо Боба: слова через пробел</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="120"/>
        <source>Paillier key size in bits (the book: 128, fast and insecure); a new key is made at the first aggregation after a reset</source>
        <translation>длина ключа Пэйе в битах (в книге 128: быстро и небезопасно); новый ключ создаётся при первом агрегировании после сброса</translation>
    </message>
    <message>
        <location filename="../../desktop/titles.py" line="121"/>
        <source>all: every weight (the book); changed: only the weights each client changed (fewer encryptions, but the owner sees which words changed)</source>
        <translation>all: все веса (как в книге); changed: только веса, изменённые участником (меньше шифрований, но владелец видит, какие слова изменились)</translation>
    </message>
</context>
<context>
    <name>PerplexityView</name>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="43"/>
        <location filename="../../desktop/views/language/perplexity.py" line="299"/>
        <source>Perplexity</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Перплексия</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="235"/>
        <source>a sentence to analyse (empty: the book&apos;s line)</source>
        <translation>предложение для разбора (пусто — строка из книги)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="236"/>
        <source>Press Enter: each word&apos;s surprise −ln p and the network&apos;s guess for it.</source>
        <translation>Нажмите Enter: неожиданность каждого слова −ln p и догадка сети о нём.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="237"/>
        <source>Sentence to analyse</source>
        <translation>Предложение для разбора</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="238"/>
        <source>Book&apos;s printout</source>
        <translation>Вывод книги</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="239"/>
        <source>The lines the book&apos;s code prints: the perplexity every 1,000 iterations, then the analysis of one line.</source>
        <translation>Строки, которые печатает код книги: перплексия через каждые 1000 итераций, затем разбор одной строки.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="241"/>
        <source>iteration</source>
        <translation>итерация</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="241"/>
        <source>perplexity</source>
        <translation>перплексия</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="241"/>
        <source>a blind guess</source>
        <translation>угадывание вслепую</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="242"/>
        <source>true</source>
        <translation>верно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="242"/>
        <source>pred</source>
        <translation>прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="243"/>
        <source>Perplexity curve</source>
        <translation>Кривая перплексии</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="244"/>
        <source>Surprise of each word</source>
        <translation>Неожиданность каждого слова</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="276"/>
        <source>This experiment measures no perplexity.</source>
        <translation>Этот эксперимент не измеряет перплексию.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="295"/>
        <source>last pass: {0}</source>
        <translation>последний проход: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="297"/>
        <source>last sentence: {0}</source>
        <translation>последнее предложение: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="298"/>
        <source>a blind guess: {0} (the vocabulary size)</source>
        <translation>угадывание вслепую: {0} (размер словаря)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="318"/>
        <source>Not in the vocabulary: {0}</source>
        <translation>Нет в словаре: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/perplexity.py" line="321"/>
        <source>“{0}”: perplexity {1}; {2} of {3} words guessed right.</source>
        <translation>«{0}»: перплексия {1}; угадано {2} слов из {3}.</translation>
    </message>
</context>
<context>
    <name>ReadingPanel</name>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="62"/>
        <location filename="../../desktop/views/lstm/reading.py" line="226"/>
        <source>Text through the network&apos;s eyes</source>
        <extracomment>What the learner does here that a lesson task may count: the unit shown is among the TOP units for a feature. The smallest readable size (width, height) in pixels. Characters read. While playing, the text is read again at most this often. A unit &quot;tracks&quot; a feature when it is among this many units that differ most on it. Shades on each side of zero. What the characters can be coloured by: the surprise, the hidden state h, the LSTM&apos;s gates and cell state. Surprise (nats) at full colour: a little more than ln 62 = 4.13, a blind guess among 62 characters.</extracomment>
        <translation>Текст глазами сети</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="205"/>
        <source>surprise (loss)</source>
        <translation>удивление (ошибка)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="205"/>
        <source>hidden unit h</source>
        <translation>скрытый нейрон h</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="205"/>
        <source>forget gate f</source>
        <translation>вентиль забывания f</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="206"/>
        <source>input gate i</source>
        <translation>входной вентиль i</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="206"/>
        <source>output gate o</source>
        <translation>выходной вентиль o</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="206"/>
        <source>candidate g</source>
        <translation>кандидат g</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="206"/>
        <source>cell state c</source>
        <translation>состояние ячейки c</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="209"/>
        <source>Surprise: −ln of the probability the network gave the character (orange: surprised). A unit: its value after reading the character (blue above zero, orange below).</source>
        <translation>Удивление: −ln вероятности, которую сеть дала символу (оранжевое — удивлена). Нейрон: его значение после чтения символа (синее — больше нуля, оранжевое — меньше).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="212"/>
        <source>unit</source>
        <translation>нейрон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="213"/>
        <source>Colour the characters by</source>
        <translation>Раскрашивать символы по</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="214"/>
        <source>Unit</source>
        <translation>Нейрон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="215"/>
        <source>Characters to find a unit for</source>
        <translation>Символы, для которых найти нейрон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="216"/>
        <source>Where the stretch starts</source>
        <translation>Где начинается кусок</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="217"/>
        <location filename="../../desktop/views/lstm/reading.py" line="389"/>
        <source>capital letters</source>
        <translation>заглавные буквы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="217"/>
        <location filename="../../desktop/views/lstm/reading.py" line="389"/>
        <source>line breaks</source>
        <translation>переводы строки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="217"/>
        <location filename="../../desktop/views/lstm/reading.py" line="389"/>
        <source>speaker names</source>
        <translation>имена персонажей</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="219"/>
        <source>Find a unit</source>
        <translation>Найти нейрон</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="220"/>
        <source>Show the unit whose value differs most between these characters and the others</source>
        <translation>Показать нейрон, значение которого сильнее всего отличается на этих символах и на остальных</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="222"/>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="223"/>
        <source>Where in the training text the stretch of {0} characters starts</source>
        <translation>Где в обучающем тексте начинается кусок из {0} символов</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="225"/>
        <source>Training text, coloured</source>
        <translation>Обучающий текст, раскрашенный</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="309"/>
        <source>No character of that kind in this stretch: read another one.</source>
        <translation>В этом куске нет таких символов: прочитайте другой.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="322"/>
        <source>This view reads chapter 14&apos;s training text with a character model.</source>
        <translation>Этот вид читает обучающий текст главы 14 символьной моделью.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="328"/>
        <source>Reading the text…</source>
        <translation>Чтение текста…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="385"/>
        <source>{0} characters from {1}: mean surprise {2} nats (perplexity {3})</source>
        <translation>{0} символов с {1}: среднее удивление {2} ната (перплексия {3})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="391"/>
        <source>{0} (rank {1})</source>
        <translation>{0} (место {1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="392"/>
        <source>unit {0} of {1}</source>
        <translation>нейрон {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="394"/>
        <source>{0} tracks {1} · {2}</source>
        <translation>{0} следит за: {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="406"/>
        <source>{0}: next {1} had p = {2} (surprise {3} nats); it expected {4}</source>
        <translation>{0}: следующий {1} имел p = {2} (удивление {3} ната); сеть ждала {4}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="412"/>
        <source>unit {0} of {1} = {2}</source>
        <translation>нейрон {0} из {1} = {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/reading.py" line="419"/>
        <source>Text through the network&apos;s eyes, coloured by {0}. {1}. Text: {2}</source>
        <translation>Текст глазами сети, раскраска: {0}. {1}. Текст: {2}</translation>
    </message>
</context>
<context>
    <name>ReviewSearchView</name>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="39"/>
        <source>Review search</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Поиск отзывов</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="87"/>
        <source>words to look for, e.g. boring awful</source>
        <translation>слова для поиска, например boring awful</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="88"/>
        <source>Words to look for</source>
        <translation>Искомые слова</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="89"/>
        <source>Search progress</source>
        <translation>Ход поиска</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="90"/>
        <source>Press Enter: the reviews whose averaged word vectors are most like these words come first.</source>
        <translation>Нажмите Enter: первыми будут отзывы, чьи усреднённые векторы слов больше всего похожи на эти слова.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="92"/>
        <source>Reviews found</source>
        <translation>Найденные отзывы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="114"/>
        <source>This experiment does not search reviews.</source>
        <translation>Этот эксперимент не ищет отзывы.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="128"/>
        <source>The search works once the sentiment network has finished training.</source>
        <translation>Поиск заработает, когда сеть для оценки отзывов закончит обучение.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="138"/>
        <source>Type a few words and press Enter.</source>
        <translation>Введите несколько слов и нажмите Enter.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="151"/>
        <source>Not in the vocabulary (left out): {0}</source>
        <translation>Нет в словаре (пропущены): {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="153"/>
        <source>None of these words is in the vocabulary.</source>
        <translation>Ни одного из этих слов нет в словаре.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="160"/>
        <source>positive</source>
        <translation>положительный</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="160"/>
        <source>negative</source>
        <translation>отрицательный</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="163"/>
        <source>{0}. review {1} ({2}), score {3}</source>
        <translation>{0}. отзыв {1} ({2}), оценка {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="165"/>
        <source>Reviews most like “{0}”: {1}.</source>
        <translation>Отзывы, больше всего похожие на «{0}»: {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/review_search.py" line="166"/>
        <source>review {0}, score {1}</source>
        <translation>отзыв {0}, оценка {1}</translation>
    </message>
</context>
<context>
    <name>RoundStepper</name>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="117"/>
        <source>◀ Round</source>
        <translation>◀ Раунд</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="118"/>
        <source>Back to the start of this round (or of the previous one): the run rewinds</source>
        <translation>Назад к началу этого раунда (или предыдущего): прогон перематывается</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="119"/>
        <source>Round ▶</source>
        <translation>Раунд ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="120"/>
        <source>Run to the end of this round: the clients&apos; remaining batches, the average and the test</source>
        <translation>Дойти до конца этого раунда: оставшиеся пакеты участников, усреднение и тест</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="197"/>
        <source>next: the owner averages the three models</source>
        <translation>далее: владелец усредняет три модели</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="199"/>
        <source>next: {0}, batch {1} of {2}</source>
        <translation>далее: {0}, пакет {1} из {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="202"/>
        <source>Round {0} of {1} · {2}</source>
        <translation>Раунд {0} из {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="204"/>
        <source>Round {0}, after the book&apos;s {1} · {2}</source>
        <translation>Раунд {0}, сверх книжных {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/_common.py" line="206"/>
        <source>Running to the end of round {0}…</source>
        <translation>Идём к концу раунда {0}…</translation>
    </message>
</context>
<context>
    <name>RowsView</name>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="41"/>
        <location filename="../../desktop/views/language/rows.py" line="252"/>
        <source>Rows a review picks</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Строки, выбранные отзывом</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="251"/>
        <source>picked rows</source>
        <translation>выбранные строки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="251"/>
        <source>Σ rows</source>
        <translation>Σ строк</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="273"/>
        <source>This experiment does not pick rows of a word matrix.</source>
        <translation>Этот эксперимент не выбирает строки матрицы слов.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="296"/>
        <source>Review {0} ({1}): its {2} different words pick {2} of the {3} rows of weights_0_1.</source>
        <translation>Отзыв {0} ({1}): его {2} разных слов выбирают {2} из {3} строк weights_0_1.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="305"/>
        <source>positive</source>
        <translation>положительный</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="305"/>
        <source>negative</source>
        <translation>отрицательный</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="324"/>
        <source>Step (→ or Shift+→): x · weights_0_1 just adds up the rows of the review&apos;s words.</source>
        <translation>Сделайте шаг (→ или Shift+→): x · weights_0_1 просто складывает строки слов отзыва.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="326"/>
        <source>layer_1 = sigmoid(Σ of {0} rows). The learn phase will move only these rows.</source>
        <translation>layer_1 = sigmoid(Σ {0} строк). Фаза обучения сдвинет только эти строки.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="329"/>
        <source>Learn: each of the {0} picked rows moved by the same vector −alpha · layer_1_delta (length {1}).</source>
        <translation>Обучение: каждая из {0} выбранных строк сдвинулась на один и тот же вектор −alpha · layer_1_delta (длина {1}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="336"/>
        <source>Checked on the whole matrix: exactly these {0} rows changed; the other {1} rows did not.</source>
        <translation>Проверено по всей матрице: изменились ровно эти {0} строк; остальные {1} строк не изменились.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="339"/>
        <source>Checked on the whole matrix: {0} rows changed, and they are not the review&apos;s words.</source>
        <translation>Проверено по всей матрице: изменились {0} строк, и это не слова отзыва.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="342"/>
        <source>Step once more (→) to check the whole matrix.</source>
        <translation>Сделайте ещё один шаг (→), чтобы проверить всю матрицу.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="351"/>
        <source>“{0}”: row {1} of weights_0_1 = {2}</source>
        <translation>«{0}»: строка {1} weights_0_1 = {2}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="354"/>
        <source>moved by {0}</source>
        <translation>сдвинута на {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/rows.py" line="361"/>
        <source>Point at a row to read it; click to keep it.</source>
        <translation>Наведите указатель на строку, чтобы прочитать её; щёлкните, чтобы закрепить.</translation>
    </message>
</context>
<context>
    <name>RunFileCommands</name>
    <message>
        <location filename="../../desktop/window_runs.py" line="30"/>
        <location filename="../../desktop/window_runs.py" line="48"/>
        <source>Save run</source>
        <translation>Сохранить запуск</translation>
    </message>
    <message>
        <location filename="../../desktop/window_runs.py" line="31"/>
        <location filename="../../desktop/window_runs.py" line="59"/>
        <source>Grokking Lab runs (*{0})</source>
        <translation>Запуски Grokking Lab (*{0})</translation>
    </message>
    <message>
        <location filename="../../desktop/window_runs.py" line="48"/>
        <source>The run was not saved: {0}</source>
        <translation>Запуск не сохранён: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/window_runs.py" line="51"/>
        <source>Saved the run to {0}</source>
        <translation>Запуск сохранён в {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/window_runs.py" line="58"/>
        <location filename="../../desktop/window_runs.py" line="83"/>
        <source>Open run</source>
        <translation>Открыть запуск</translation>
    </message>
    <message>
        <location filename="../../desktop/window_runs.py" line="83"/>
        <source>The run was not opened: {0}</source>
        <translation>Запуск не открыт: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/window_runs.py" line="94"/>
        <source>Opened the run {0} at iteration {1}</source>
        <translation>Открыт запуск {0}, итерация {1}</translation>
    </message>
</context>
<context>
    <name>SamplingLab</name>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="58"/>
        <location filename="../../desktop/views/lstm/sampling.py" line="237"/>
        <source>Sampling lab</source>
        <extracomment>What the learner does here that a lesson task may count. The smallest readable size (width, height) in pixels. Characters written per sample. While playing with &quot;live&quot; on, a new sample at most this often. Characters in the histogram (the most probable under the softmax, and the book rule&apos;s winners). The temperature slider: hundredths, 0.01 … 2.00.</extracomment>
        <translation>Лаборатория сэмплирования</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="212"/>
        <source>greedy</source>
        <translation>жадно</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="212"/>
        <source>sample from the softmax</source>
        <translation>выборка из softmax</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="213"/>
        <source>the book&apos;s rule (Q22)</source>
        <translation>правило книги (Q22)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="215"/>
        <source>Greedy: always the most likely character. Sample: draw from the softmax of logits / temperature. The book&apos;s rule: the first character whose probability exceeds a uniform draw u (not sampling; see the histogram).</source>
        <translation>Жадно: всегда самый вероятный символ. Выборка: случайный выбор по softmax от логитов / температура. Правило книги: первый символ, вероятность которого больше равномерной случайной величины u (это не выборка; см. гистограмму).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="218"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="219"/>
        <source>Temperature: the logits are divided by it before the softmax. Low: the likeliest characters win; high: everything becomes equally likely. The book&apos;s RNN uses 0.1 (it multiplies the logits by 10).</source>
        <translation>Температура: логиты делятся на неё перед softmax. Низкая — выигрывают самые вероятные символы; высокая — все становятся равновероятными. RNN из книги использует 0,1 (умножает логиты на 10).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="222"/>
        <source>Temperature</source>
        <translation>Температура</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="223"/>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="224"/>
        <source>The seed of the uniform draws: the same seed and weights write the same text</source>
        <translation>Зерно равномерных случайных величин: одно и то же зерно и веса пишут один и тот же текст</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="225"/>
        <source>Seed of the draws</source>
        <translation>Зерно случайных величин</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="226"/>
        <source>How the next character is chosen</source>
        <translation>Как выбирается следующий символ</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="227"/>
        <source>prime text</source>
        <translation>затравка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="228"/>
        <source>The network reads this first (\n for a line break); empty: the book&apos;s start character</source>
        <translation>Сеть сначала читает это (
 — перевод строки); пусто — начальный символ из книги</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="230"/>
        <source>Prime text</source>
        <translation>Затравка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="231"/>
        <source>Write</source>
        <translation>Написать</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="232"/>
        <source>Write {0} characters from the current weights</source>
        <translation>Написать {0} символов текущими весами</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="233"/>
        <source>live</source>
        <translation>вживую</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="234"/>
        <source>Write again as the network learns (every {0} s while it plays)</source>
        <translation>Писать заново по мере обучения (во время проигрывания — каждые {0} с)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="235"/>
        <source>Generated text</source>
        <translation>Сгенерированный текст</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="236"/>
        <source>Next character probabilities</source>
        <translation>Вероятности следующего символа</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="320"/>
        <source>This lab writes with chapter 14&apos;s character models.</source>
        <translation>Эта лаборатория пишет символьными моделями главы 14.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="334"/>
        <source>softmax at T = {0}</source>
        <translation>softmax при T = {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="335"/>
        <source>the book&apos;s rule</source>
        <translation>правило книги</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="352"/>
        <source>After {0}: {1} has {2} under the softmax but {3} under the book&apos;s rule{4}</source>
        <translation>После {0}: у {1} {2} по softmax, но {3} по правилу книги{4}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="360"/>
        <source> · the text repeats itself: {0} of its {1}-character pieces came before</source>
        <translation> · текст повторяется: {0} его кусков по {1} символов уже встречались</translation>
    </message>
    <message>
        <location filename="../../desktop/views/lstm/sampling.py" line="366"/>
        <source>Sampling lab: {0}, temperature {1}. Text: {2}. {3}</source>
        <translation>Лаборатория сэмплирования: {0}, температура {1}. Текст: {2}. {3}</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <location filename="../../desktop/views/graph/computation/source.py" line="108"/>
        <source>Hide the code</source>
        <extracomment>Where the framework lives, for the captions (paths relative to the project). The operations named in the caption: (forward op or None, [ops whose backward gave the gradient]).</extracomment>
        <translation>Скрыть код</translation>
    </message>
</context>
<context>
    <name>SpamWordsTexts</name>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="37"/>
        <location filename="../../desktop/views/federated/spam_words.py" line="182"/>
        <source>Spam words</source>
        <extracomment>The smallest readable size: a picker, a title and five words a side.</extracomment>
        <translation>Слова спама</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="61"/>
        <source>the model (the owner&apos;s)</source>
        <translation>модели (владельца)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="62"/>
        <source>{0} copy this round</source>
        <translation>копии {0} в этом раунде</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="66"/>
        <source>most spam-like (largest weights)</source>
        <translation>самые «спамные» (наибольшие веса)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="66"/>
        <source>most ham-like (smallest weights)</source>
        <translation>самые «обычные» (наименьшие веса)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="71"/>
        <source>Bob&apos;s copy after his one e-mail: every word of it moved towards ham</source>
        <translation>Копия Боба после его единственного письма: каждое слово письма сдвинулось к обычной почте</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="74"/>
        <source>The model has not reached {0} this round yet</source>
        <translation>В этом раунде модель ещё не дошла до {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="75"/>
        <source>{0} words a side, &lt;unk&gt; left out. {1}</source>
        <translation>По {0} слов с каждой стороны, без &lt;unk&gt;. {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="79"/>
        <source>This experiment has no spam model: the words appear with chapter 15&apos;s experiments</source>
        <translation>В этом эксперименте нет спам-модели: слова появляются в экспериментах главы 15</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="85"/>
        <source>Most spam-like words: {0}. Most ham-like words: {1}.</source>
        <translation>Самые «спамные» слова: {0}. Самые «обычные» слова: {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/federated/spam_words.py" line="180"/>
        <source>Weights of</source>
        <translation>Веса</translation>
    </message>
</context>
<context>
    <name>StreetlightsPanel</name>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="54"/>
        <source>Streetlights</source>
        <extracomment>Below this |r| a light &quot;does not correlate&quot;; above STRONG it predicts the goal by itself. The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Светофоры</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="206"/>
        <source>Each row is one pattern of lights and its goal; ▶ marks the pattern the network learns from next</source>
        <translation>Каждая строка — один образец огней и его цель; ▶ отмечает образец, на котором сеть учится следующим</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="208"/>
        <source>Correlation with the goal (r, over the whole table)</source>
        <translation>Корреляция с целью (r, по всей таблице)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="211"/>
        <source>r = +1: on exactly when the goal is 1; r = −1: on exactly when it is 0; r = 0: no linear relation. A unit that is always off (relu gave 0 for every pattern) or a light that never changes has no correlation at all</source>
        <translation>r = +1: горит ровно тогда, когда цель 1; r = −1: ровно тогда, когда цель 0; r = 0: линейной связи нет. У нейрона, который всегда выключен (relu дал 0 для всех образцов), и у огня, который никогда не меняется, корреляции нет вовсе</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="214"/>
        <source>This experiment has no small data set to show as a table.</source>
        <translation>У этого эксперимента нет маленького набора данных, который можно показать таблицей.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="192"/>
        <source>goal {0}</source>
        <extracomment>name, r (NaN: the values never change), a section starts here, what to say instead of a NaN bar</extracomment>
        <translation>цель {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="193"/>
        <source>prediction {0}</source>
        <translation>прогноз {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="193"/>
        <location filename="../../desktop/views/network/streetlights.py" line="341"/>
        <source>prediction</source>
        <translation>прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="194"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="200"/>
        <source>{0} patterns.</source>
        <translation>Образцов: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="201"/>
        <source>{0} patterns; the network learns from pattern {1} next.</source>
        <translation>Образцов: {0}; следующим сеть учится на образце {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="209"/>
        <source>Data set: one row per pattern</source>
        <translation>Набор данных: по строке на образец</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="210"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="308"/>
        <source>the network learns from this pattern next</source>
        <translation>на этом образце сеть учится следующим</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="313"/>
        <source>error over the whole table: {0}</source>
        <translation>ошибка по всей таблице: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="322"/>
        <source>never changes</source>
        <translation>не меняется</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="336"/>
        <source>always off</source>
        <translation>всегда выкл.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="342"/>
        <source>Correlation with {0} (r, over the whole table)</source>
        <translation>Корреляция с {0} (r, по всей таблице)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="353"/>
        <source>{0}: always the same, so it cannot tell one pattern from another.</source>
        <translation>{0}: всегда одинаков, поэтому не отличает один образец от другого.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="358"/>
        <source>{0} predicts {1} by itself (r = {2}): one layer of weights can learn this directly, and its weight grows while the others shrink.</source>
        <translation>{0} сам по себе предсказывает {1} (r = {2}): один слой весов может выучить это напрямую — его вес растёт, а остальные уменьшаются.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="362"/>
        <source>No light on its own correlates with {0} (largest |r| = {1}): a network with no hidden layer cannot learn this pattern.</source>
        <translation>Ни один огонь сам по себе не коррелирует с {0} (наибольший |r| = {1}): сеть без скрытого слоя не может выучить эту закономерность.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="366"/>
        <source>{0} correlates with {1} only partly (r = {2}).</source>
        <translation>{0} коррелирует с {1} лишь отчасти (r = {2}).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="374"/>
        <source>The hidden layer creates the correlation the lights lack: {0} correlates with {1} at r = {2}. Each hidden unit switches off (relu = 0) for some patterns, and that is what makes the difference.</source>
        <translation>Скрытый слой создаёт корреляцию, которой нет у огней: {0} коррелирует с {1} при r = {2}. Каждый скрытый нейрон выключается (relu = 0) на части образцов — в этом всё дело.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/streetlights.py" line="379"/>
        <source>No hidden unit correlates with {0} more than the lights yet (best: {1}, r = {2}); watch them as the network learns.</source>
        <translation>Пока ни один скрытый нейрон не коррелирует с {0} сильнее огней (лучший: {1}, r = {2}); следите за ними, пока сеть учится.</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../desktop/units.py" line="14"/>
        <source>input</source>
        <translation>вход</translation>
    </message>
    <message>
        <location filename="../../desktop/units.py" line="15"/>
        <source>prediction</source>
        <translation>прогноз</translation>
    </message>
    <message>
        <location filename="../../desktop/units.py" line="16"/>
        <source>light {0}</source>
        <translation>лампа {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/units.py" line="17"/>
        <source>hidden {0}</source>
        <translation>скрытый {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/units.py" line="18"/>
        <source>walk?</source>
        <translation>идти?</translation>
    </message>
    <message>
        <location filename="../../desktop/units.py" line="19"/>
        <source>win?</source>
        <translation>победа?</translation>
    </message>
    <message>
        <location filename="../../desktop/units.py" line="20"/>
        <source>hurt?</source>
        <translation>травма?</translation>
    </message>
    <message>
        <location filename="../../desktop/units.py" line="21"/>
        <source>sad?</source>
        <translation>грусть?</translation>
    </message>
</context>
<context>
    <name>UnrolledView</name>
    <message>
        <location filename="../../desktop/views/language/unrolled/__init__.py" line="31"/>
        <source>Unrolled in time</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Развёртка во времени</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="76"/>
        <source>One word back in time</source>
        <translation>На одно слово назад во времени</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="77"/>
        <source>Read one more word</source>
        <translation>Прочитать ещё одно слово</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="78"/>
        <source>◀ gradient</source>
        <translation>◀ градиент</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="78"/>
        <source>Backward pass: carry the gradient one step back in time</source>
        <translation>Обратный проход: перенести градиент на один шаг назад во времени</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="79"/>
        <source>All</source>
        <translation>Всё</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="79"/>
        <source>Show every step, forward and backward</source>
        <translation>Показать все шаги прямого и обратного прохода</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="83"/>
        <source>type a sentence, e.g. mary moved to the</source>
        <translation>введите предложение, например mary moved to the</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="84"/>
        <source>Sentence to read</source>
        <translation>Предложение для чтения</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="85"/>
        <source>Press Enter: the network reads your sentence with its current weights and guesses the next word. Clear it to follow training again.</source>
        <translation>Нажмите Enter: сеть прочитает ваше предложение с текущими весами и угадает следующее слово. Очистите поле, чтобы снова следить за обучением.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="87"/>
        <source>guesses</source>
        <translation>догадки</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="87"/>
        <source>reads</source>
        <translation>читает</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="87"/>
        <source>hidden</source>
        <translation>скрытый</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="87"/>
        <source>gradient</source>
        <translation>градиент</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="88"/>
        <source>start</source>
        <translation>начало</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="88"/>
        <source>next?</source>
        <translation>дальше?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="88"/>
        <source>recurrent</source>
        <translation>рекурр.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="89"/>
        <source>Recurrent network unrolled in time</source>
        <translation>Рекуррентная сеть, развёрнутая во времени</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="213"/>
        <source>Step: first the identity matrix, which changes nothing it multiplies.</source>
        <translation>Сделайте шаг: сначала единичная матрица, которая ничего не меняет при умножении.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="214"/>
        <source>a · identity = a for every vector a: the identity matrix changes nothing.</source>
        <translation>a · identity = a для любого вектора a: единичная матрица ничего не меняет.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="215"/>
        <source>this + movie + rocks = ((this · identity + movie) · identity) + rocks: a sum of word vectors is a chain through the identity. Step on: the chain learns.</source>
        <translation>this + movie + rocks = ((this · identity + movie) · identity) + rocks: сумма векторов слов — это цепочка через единичную матрицу. Дальше цепочка учится.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="226"/>
        <source>The recurrent matrix started as the identity (dotted diagonal). ‖recurrent − I‖ = {0}.</source>
        <translation>Рекуррентная матрица начала с единичной (пунктирная диагональ). ‖recurrent − I‖ = {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="235"/>
        <source>Not in the vocabulary: {0}</source>
        <translation>Нет в словаре: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="238"/>
        <source>No sentence yet: step once.</source>
        <translation>Предложения пока нет: сделайте шаг.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="242"/>
        <source>Your sentence “{0}”</source>
        <translation>Ваше предложение «{0}»</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="244"/>
        <source>Line {0}: “{1}”</source>
        <translation>Строка {0}: «{1}»</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="246"/>
        <source>“{0}” → {1}?</source>
        <translation>«{0}» → {1}?</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="249"/>
        <source>perplexity {0}</source>
        <translation>перплексия {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="251"/>
        <source>next: {0} ({1})</source>
        <translation>дальше: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="255"/>
        <source>backward pass: {0} of {1} steps (◀ gradient)</source>
        <translation>обратный проход: {0} из {1} шагов (◀ градиент)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="268"/>
        <source>guessed {0}</source>
        <translation>догадки: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="271"/>
        <source>Reads: {0}.</source>
        <translation>Читает: {0}.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/unrolled/panel.py" line="274"/>
        <source>Gradient length from the last step back: {0}.</source>
        <translation>Длина градиента от последнего шага назад: {0}.</translation>
    </message>
</context>
<context>
    <name>ViewTabs</name>
    <message>
        <location filename="../../desktop/workspace.py" line="144"/>
        <source>Show in the main area</source>
        <extracomment>The three areas, top to bottom and left to right.</extracomment>
        <translation>Показать в главной области</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace.py" line="144"/>
        <source>Show below, on the left</source>
        <translation>Показать внизу слева</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace.py" line="145"/>
        <source>Show below, on the right</source>
        <translation>Показать внизу справа</translation>
    </message>
</context>
<context>
    <name>WeightEditor</name>
    <message>
        <location filename="../../desktop/views/network/diagram/editor.py" line="62"/>
        <source>Enter applies it, Esc cancels; the run continues from the new weight</source>
        <translation>Enter — применить, Esc — отменить; прогон продолжится с нового веса</translation>
    </message>
</context>
<context>
    <name>WeightImagesPanel</name>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="75"/>
        <source>What the weights learn</source>
        <extracomment>Bars for at most this many weight vectors; beyond it, the ones the input agrees with most. The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Чему учатся веса</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="271"/>
        <source>One scale for all tiles</source>
        <translation>Одна шкала для всех плиток</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="272"/>
        <source>Off: each tile uses its own strongest weight as full colour, so every pattern shows. On: one scale, so tiles compare in strength</source>
        <translation>Выключено: у каждой плитки полный цвет — её собственный сильнейший вес, поэтому виден любой узор. Включено: одна шкала, и плитки можно сравнивать по силе</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="274"/>
        <source>Click a tile to take its weights into the dot product below</source>
        <translation>Щёлкните по плитке, чтобы взять её веса в скалярное произведение ниже</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="275"/>
        <source>Each unit&apos;s input weights as an image</source>
        <translation>Входные веса каждого нейрона как изображение</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="276"/>
        <source>This network does not take an image in, so its weights are not drawn as images here.</source>
        <translation>Эта сеть не получает на вход изображение, поэтому её веса здесь не рисуются картинками.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="309"/>
        <source>The weights into each unit of {0}, drawn as {1}×{2} images like the input: blue = positive, orange = negative</source>
        <translation>Веса, входящие в каждый нейрон слоя {0}, нарисованные как изображения {1}×{2}, подобно входу: синий — положительные, оранжевый — отрицательные</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="349"/>
        <source>weights into {0}: from {1} to {2}; click to use it in the dot product</source>
        <translation>веса, входящие в {0}: от {1} до {2}; щёлкните, чтобы взять их в скалярное произведение</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="361"/>
        <source>w: the weights into {0}</source>
        <translation>w: веса, входящие в {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="365"/>
        <source>no input yet</source>
        <translation>входа ещё нет</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="366"/>
        <source>x: the input</source>
        <translation>x: вход</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="367"/>
        <source>x ⊙ w</source>
        <translation>x ⊙ w</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="368"/>
        <source>Step once to see which parts of the input agree with the weights.</source>
        <translation>Сделайте один шаг, чтобы увидеть, какие части входа согласуются с весами.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="379"/>
        <source>x: the input now</source>
        <translation>x: текущий вход</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="380"/>
        <source>x ⊙ w: agree (blue), disagree (orange)</source>
        <translation>x ⊙ w: согласие (синий), расхождение (оранжевый)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="387"/>
        <source>= {0}: the weighted sum the network computed</source>
        <translation>= {0}: взвешенная сумма, которую вычислила сеть</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="389"/>
        <source>{0}({1}) = {2} = {3}</source>
        <translation>{0}({1}) = {2} = {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="392"/>
        <source>{0} was {1}: computed before the last update changed w</source>
        <translation>{0} было {1}: вычислено до того, как последнее обновление изменило w</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="400"/>
        <source>The input&apos;s dot product with the {0} weight vectors it agrees with most (of {1}):</source>
        <translation>Скалярное произведение входа с {0} векторами весов, с которыми он согласуется больше всего (из {1}):</translation>
    </message>
    <message>
        <location filename="../../desktop/views/network/weight_images.py" line="403"/>
        <source>The input&apos;s dot product with every weight vector: the largest is the unit this input looks most like</source>
        <translation>Скалярное произведение входа с каждым вектором весов: наибольшее — у нейрона, на который этот вход больше всего похож</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../desktop/widgets.py" line="46"/>
        <source>Clear: {0}</source>
        <translation>Очистить: {0}</translation>
    </message>
</context>
<context>
    <name>WordMapView</name>
    <message>
        <location filename="../../desktop/views/language/word_map.py" line="41"/>
        <location filename="../../desktop/views/language/word_map.py" line="287"/>
        <source>Word map</source>
        <extracomment>The smallest readable size (width, height) in pixels.</extracomment>
        <translation>Карта слов</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/word_map.py" line="315"/>
        <source>This experiment has no word vectors.</source>
        <translation>У этого эксперимента нет векторов слов.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/word_map.py" line="331"/>
        <source>Axis 1: {0} %, axis 2: {1} % of the variance of the {2} most frequent words. {3}</source>
        <translation>Ось 1: {0} %, ось 2: {1} % дисперсии {2} самых частых слов. {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/word_map.py" line="340"/>
        <source>Point at a word to read it, click it to pin it; wheel: zoom, drag: move, double click: fit.</source>
        <translation>Наведите указатель на слово, чтобы прочитать его, щёлкните, чтобы закрепить; колесо — масштаб, перетаскивание — сдвиг, двойной щелчок — всё целиком.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/word_map.py" line="347"/>
        <source>“{0}” (rank {1} by frequency, {2} times)</source>
        <translation>«{0}» ({1}-е по частоте, {2} раз)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/word_map.py" line="349"/>
        <source>— pinned: click to unpin</source>
        <translation>— закреплено: щёлкните, чтобы открепить</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/word_map.py" line="362"/>
        <source>A map of the word vectors: {0} words as points.</source>
        <translation>Карта векторов слов: {0} слов точками.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/language/word_map.py" line="363"/>
        <source>Pinned: {0}.</source>
        <translation>Закреплены: {0}.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../desktop/workspace.py" line="264"/>
        <source>Views</source>
        <extracomment>The learner moved a view to another area: (view key, area). The learner dragged a splitter: the sizes of both splitters. A view was built (on its first show, or when asked for): (view key, view).</extracomment>
        <translation>Виды</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace.py" line="264"/>
        <source>Views below, left</source>
        <translation>Виды внизу слева</translation>
    </message>
    <message>
        <location filename="../../desktop/workspace.py" line="264"/>
        <source>Views below, right</source>
        <translation>Виды внизу справа</translation>
    </message>
</context>
</TS>
